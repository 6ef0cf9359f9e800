const trees = /* @__PURE__ */ new WeakMap();
function selectionOf(info) {
  const first = info.fieldNodes[0];
  const known = first && trees.get(first);
  if (known) return known;
  const tree = {};
  for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet, info, tree, /* @__PURE__ */ new Set());
  if (first) trees.set(first, deepFreeze(tree));
  return tree;
}
function deepFreeze(tree) {
  for (const child of Object.values(tree)) deepFreeze(child);
  return Object.freeze(tree);
}
function collect(set, info, into, seenFragments) {
  for (const sel of set.selections) {
    if (sel.kind === "Field") {
      const child = into[sel.name.value] ??= {};
      if (sel.selectionSet) collect(sel.selectionSet, info, child, seenFragments);
    } else if (sel.kind === "InlineFragment") {
      collect(sel.selectionSet, info, into, seenFragments);
    } else {
      const name = sel.name.value;
      const fragment = info.fragments[name];
      if (fragment && !seenFragments.has(name)) {
        seenFragments.add(name);
        collect(fragment.selectionSet, info, into, seenFragments);
        seenFragments.delete(name);
      }
    }
  }
}
export {
  selectionOf
};
