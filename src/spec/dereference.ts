/**
 * Replaces every local `$ref` (`#/components/...`) of a parsed document by what it points to,
 * synchronously, as swagger-parser's dereference does for one file: the same target becomes the
 * same object, and a cycle becomes a circular reference. An external `$ref` (another file, a URL)
 * cannot be followed without I/O, so it is an error naming it.
 */
export function dereferenceLocal(document: object): object {
  const resolved = new Map<string, unknown>();

  function target(pointer: string): unknown {
    if (!pointer.startsWith('#'))
      throw new Error(`$ref "${pointer}" is not local to the document; bundle the spec into one file first`);
    let value: unknown = document;
    for (const raw of pointer.slice(1).split('/').slice(1)) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (value === null || typeof value !== 'object' || !(key in value))
        throw new Error(`$ref "${pointer}" points to nothing in the document`);
      value = (value as Record<string, unknown>)[key];
    }
    return value;
  }

  function resolve(ref: string): unknown {
    if (resolved.has(ref)) return resolved.get(ref);
    const found = target(ref);
    if (found === null || typeof found !== 'object') return found;
    // Registered before its inside is visited, so that a cycle meets this same object.
    const copy: Record<string, unknown> | unknown[] = Array.isArray(found) ? [] : {};
    resolved.set(ref, copy);
    const filled = visit(found);
    if (Array.isArray(copy)) copy.push(...(filled as unknown[]));
    else Object.assign(copy, filled);
    return copy;
  }

  function visit(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return value.map(visit);
    const { $ref: ref, ...siblings } = value as { $ref?: unknown };
    if (typeof ref === 'string') {
      const found = resolve(ref);
      // As swagger-parser does: keys beside a `$ref` win over the target's, in a new object.
      if (Object.keys(siblings).length === 0 || found === null || typeof found !== 'object') return found;
      return { ...found, ...(visit(siblings) as object) };
    }
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, visit(child)]));
  }

  return visit(document) as object;
}
