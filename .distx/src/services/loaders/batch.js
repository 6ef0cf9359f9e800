function inKeyOrder(keys, rows, keyOf, missing) {
  const byKey = /* @__PURE__ */ new Map();
  for (const r of rows) byKey.set(keyOf(r), r);
  return keys.map((k) => byKey.get(k) ?? missing(k));
}
function groupedInKeyOrder(keys, rows, keyOf) {
  const groups = /* @__PURE__ */ new Map();
  for (const k of keys) groups.set(k, []);
  for (const r of rows) groups.get(keyOf(r))?.push(r);
  return keys.map((k) => groups.get(k));
}
export {
  groupedInKeyOrder,
  inKeyOrder
};
