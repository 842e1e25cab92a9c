// OpenAPI 3.1 lets a security requirement list role names for any scheme type (here the scope
// write:webhooks on a bearer scheme); Spectral's oas3-operation-security-defined reads them all
// as OAuth scopes. This keeps its checks but asks for declared scopes only of OAuth 2 schemes.
function declaredScopes(scheme) {
  const flows = Object.values(scheme.flows ?? {});
  return new Set(flows.flatMap((flow) => Object.keys(flow.scopes ?? {})));
}

export default function securityRequirementDefined(requirement, _options, { document, path }) {
  const schemes = document.data?.components?.securitySchemes ?? {};
  const results = [];
  for (const [name, roles] of Object.entries(requirement ?? {})) {
    const scheme = schemes[name];
    if (scheme === undefined) {
      results.push({
        message: `"${name}" is not a scheme defined in components.securitySchemes.`,
        path: [...path, name],
      });
    } else if (scheme.type === 'oauth2') {
      const scopes = declaredScopes(scheme);
      roles.forEach((role, i) => {
        if (!scopes.has(role))
          results.push({
            message: `"${role}" must be listed among the scopes of "${name}".`,
            path: [...path, name, i],
          });
      });
    }
  }
  return results;
}
