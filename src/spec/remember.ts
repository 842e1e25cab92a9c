// Work that depends only on a spec object (an operation, a schema, a response) is done once per
// object and remembered in a WeakMap, so it is forgotten with the spec it came from (a reload).

/** `compute(owner)`, worked out once per owner. */
export function rememberedFor<O extends object, V>(compute: (owner: O) => V): (owner: O) => V {
  const values = new WeakMap<O, V>();
  return (owner) => {
    if (values.has(owner)) return values.get(owner) as V;
    const value = compute(owner);
    values.set(owner, value);
    return value;
  };
}

/** `compute(owner, key)`, worked out once per owner and key; past `limit` keys of one owner, worked out each time. */
export function rememberedPer<O extends object, K, V>(
  compute: (owner: O, key: K) => V,
  limit = Number.POSITIVE_INFINITY,
): (owner: O, key: K) => V {
  const tables = new WeakMap<O, Map<K, V>>();
  return (owner, key) => {
    let table = tables.get(owner);
    if (table === undefined) tables.set(owner, (table = new Map<K, V>()));
    if (table.has(key)) return table.get(key) as V;
    const value = compute(owner, key);
    if (table.size < limit) table.set(key, value);
    return value;
  };
}
