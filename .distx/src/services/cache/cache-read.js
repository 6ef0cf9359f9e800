const registry = /* @__PURE__ */ new Map();
function CacheRead(opts) {
  return (_target, propertyKey) => {
    registry.set(opts.field ?? String(propertyKey), { tables: opts.tables, ttlSeconds: opts.ttlSeconds });
  };
}
function cachePolicyOf(field) {
  return registry.get(field);
}
export {
  CacheRead,
  cachePolicyOf
};
