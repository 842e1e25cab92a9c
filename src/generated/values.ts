// Generated from spec/openapi.yaml by `npm run gen:values`: do not edit by hand.

/** Each `enum` of a named schema in components.schemas, by schema name. */
export const enums = {
  "EventName": [
    "CUSTOMER_CREATION",
    "CUSTOMER_UPDATE",
    "CUSTOMER_DELETION",
    "INSTANCE_CREATION",
    "INSTANCE_UPDATE",
    "INSTANCE_DELETION",
    "INSTANCE_DEPLOYMENT",
    "INSTANCE_MIGRATION",
    "INSTANCE_ENTITLEMENT_USAGE_REACHED",
    "LICENSE_CREATION",
    "LICENSE_UPDATE",
    "LICENSE_DELETION",
    "LICENSE_ENTITLEMENT_ASSIGNMENT",
    "LICENSE_ENTITLEMENT_UNASSIGNMENT",
    "LICENSE_ENTITLEMENT_UPDATE",
    "ENTITLEMENT_CREATION",
    "ENTITLEMENT_UPDATE",
    "ENTITLEMENT_DELETION",
    "DEPLOYMENT_ZONE_CREATION",
    "DEPLOYMENT_ZONE_UPDATE",
    "DEPLOYMENT_ZONE_DELETION",
    "DEPLOYMENT_ZONE_RELEASE_DEPLOYMENT",
    "RELEASE_CREATION",
    "RELEASE_DELETION",
    "FEATURE_FLAG_CREATION",
    "FEATURE_FLAG_UPDATE",
    "FEATURE_FLAG_DELETION"
  ]
} as const;

/** The named examples of each operation, by operationId: request bodies, and responses by status. */
export const examples = {
  "create-webhook": {
    "request": {
      "single-event": {
        "url": "https://hooks.example.com/kaiten/customers",
        "eventNames": [
          "CUSTOMER_CREATION"
        ]
      },
      "many-events": {
        "url": "https://ops.example.org:8443/integrations/kaiten?source=prod",
        "eventNames": [
          "INSTANCE_CREATION",
          "INSTANCE_DEPLOYMENT",
          "LICENSE_ENTITLEMENT_ASSIGNMENT",
          "RELEASE_CREATION",
          "FEATURE_FLAG_UPDATE"
        ]
      }
    },
    "responses": {
      "201": {
        "single-event": {
          "id": "3f8e2a6c-5b1d-4c7e-9a0f-2d6b8e1c4a57",
          "url": "https://hooks.example.com/kaiten/customers",
          "eventNames": [
            "CUSTOMER_CREATION"
          ],
          "createdAt": "2026-03-14T09:26:53Z",
          "updatedAt": "2026-03-14T09:26:53Z"
        },
        "many-events": {
          "id": "b7c4d9e2-1a3f-4e8b-8c6d-5f2a9b0e7d13",
          "url": "https://ops.example.org:8443/integrations/kaiten?source=prod",
          "eventNames": [
            "INSTANCE_CREATION",
            "INSTANCE_DEPLOYMENT",
            "LICENSE_ENTITLEMENT_ASSIGNMENT",
            "RELEASE_CREATION",
            "FEATURE_FLAG_UPDATE"
          ],
          "createdAt": "2026-03-14T10:02:11.482Z",
          "updatedAt": "2026-03-14T10:02:11.482Z"
        }
      },
      "400": {
        "malformed-json": {
          "title": "Bad Request",
          "status": 400,
          "detail": "unable to parse the request body as JSON",
          "errors": [
            {
              "location": "body",
              "message": "invalid character '}' looking for beginning of object key string",
              "value": "{\"url\": \"https://hooks.example.com/kaiten\",}"
            }
          ]
        },
        "missing-body": {
          "title": "Bad Request",
          "status": 400,
          "detail": "request body is required"
        }
      },
      "401": {
        "missing-token": {
          "title": "Unauthorized",
          "status": 401,
          "detail": "missing or invalid bearer token in the Authorization header"
        }
      },
      "403": {
        "missing-scope": {
          "title": "Forbidden",
          "status": 403,
          "detail": "missing scope: write:webhooks"
        }
      },
      "422": {
        "missing-url": {
          "title": "Unprocessable Entity",
          "status": 422,
          "detail": "validation failed",
          "errors": [
            {
              "location": "body",
              "message": "expected required property url to be present",
              "value": {
                "eventNames": [
                  "CUSTOMER_CREATION"
                ]
              }
            }
          ]
        },
        "invalid-url": {
          "title": "Unprocessable Entity",
          "status": 422,
          "detail": "validation failed",
          "errors": [
            {
              "location": "body.url",
              "message": "expected string to be RFC 3986 uri",
              "value": "hooks.example.com/kaiten"
            }
          ]
        },
        "insecure-url": {
          "title": "Unprocessable Entity",
          "status": 422,
          "detail": "validation failed",
          "errors": [
            {
              "location": "body.url",
              "message": "expected string to match pattern ^https://[^/?#]+",
              "value": "http://hooks.example.com/kaiten"
            }
          ]
        },
        "empty-event-names": {
          "title": "Unprocessable Entity",
          "status": 422,
          "detail": "validation failed",
          "errors": [
            {
              "location": "body.eventNames",
              "message": "expected array length >= 1",
              "value": []
            }
          ]
        },
        "unknown-event-name": {
          "title": "Unprocessable Entity",
          "status": 422,
          "detail": "validation failed",
          "errors": [
            {
              "location": "body.eventNames[1]",
              "message": "expected value to be one of \"CUSTOMER_CREATION, CUSTOMER_UPDATE, CUSTOMER_DELETION, INSTANCE_CREATION, INSTANCE_UPDATE, INSTANCE_DELETION, INSTANCE_DEPLOYMENT, INSTANCE_MIGRATION, INSTANCE_ENTITLEMENT_USAGE_REACHED, LICENSE_CREATION, LICENSE_UPDATE, LICENSE_DELETION, LICENSE_ENTITLEMENT_ASSIGNMENT, LICENSE_ENTITLEMENT_UNASSIGNMENT, LICENSE_ENTITLEMENT_UPDATE, ENTITLEMENT_CREATION, ENTITLEMENT_UPDATE, ENTITLEMENT_DELETION, DEPLOYMENT_ZONE_CREATION, DEPLOYMENT_ZONE_UPDATE, DEPLOYMENT_ZONE_DELETION, DEPLOYMENT_ZONE_RELEASE_DEPLOYMENT, RELEASE_CREATION, RELEASE_DELETION, FEATURE_FLAG_CREATION, FEATURE_FLAG_UPDATE, FEATURE_FLAG_DELETION\"",
              "value": "CUSTOMER_ARCHIVED"
            }
          ]
        }
      },
      "500": {
        "internal-error": {
          "type": "about:blank",
          "title": "Internal Server Error",
          "status": 500,
          "detail": "an unexpected error occurred; try again later",
          "instance": "urn:uuid:9d4e1c2b-7a3f-4b6e-8d5c-1f0a2e3b4c5d"
        }
      }
    }
  }
} as const;
