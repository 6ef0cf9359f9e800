/**
 * A resolver's look-ahead: the fields selected below the current one, as a
 * plain tree of field names (aliases and fragments resolved, the same field
 * selected twice merged), for services that load relations up front.
 * `@skip`/`@include` are not evaluated: a field under them counts as selected,
 * which at worst loads a relation nobody reads.
 */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from "graphql";

export interface SelectionTree {
  [field: string]: SelectionTree;
}

/**
 * Trees by the field's first node. Without @skip/@include evaluated, the tree
 * depends on the document alone, and Apollo reuses a parsed document for every
 * request with the same text: each tree is walked once, not on every request.
 */
const trees = new WeakMap<FieldNode, Readonly<SelectionTree>>();

/** The selection below the resolver's field; shared between requests, so read-only. */
export function selectionOf(info: GraphQLResolveInfo): Readonly<SelectionTree> {
  const first = info.fieldNodes[0];
  const known = first && trees.get(first);
  if (known) return known;
  const tree: SelectionTree = {};
  for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet, info, tree, new Set());
  if (first) trees.set(first, deepFreeze(tree));
  return tree;
}

function deepFreeze(tree: SelectionTree): Readonly<SelectionTree> {
  for (const child of Object.values(tree)) deepFreeze(child);
  return Object.freeze(tree);
}

function collect(set: SelectionSetNode, info: GraphQLResolveInfo, into: SelectionTree, seenFragments: Set<string>): void {
  for (const sel of set.selections) {
    if (sel.kind === "Field") {
      const child = (into[sel.name.value] ??= {});
      if (sel.selectionSet) collect(sel.selectionSet, info, child, seenFragments);
    } else if (sel.kind === "InlineFragment") {
      collect(sel.selectionSet, info, into, seenFragments);
    } else {
      const name = sel.name.value;
      const fragment = info.fragments[name];
      // Validation rejects fragment cycles; the set only keeps one spread from being walked twice.
      if (fragment && !seenFragments.has(name)) {
        seenFragments.add(name);
        collect(fragment.selectionSet, info, into, seenFragments);
        seenFragments.delete(name);
      }
    }
  }
}
