/**
 * A resolver's look-ahead: the fields selected below the current one, as a
 * plain tree of field names (aliases and fragments resolved, the same field
 * selected twice merged), for services that load relations up front.
 * `@skip`/`@include` are not evaluated: a field under them counts as selected,
 * which at worst loads a relation nobody reads.
 */
import type { GraphQLResolveInfo, SelectionSetNode } from "graphql";

export interface SelectionTree {
  [field: string]: SelectionTree;
}

export function selectionOf(info: GraphQLResolveInfo): SelectionTree {
  const tree: SelectionTree = {};
  for (const node of info.fieldNodes) if (node.selectionSet) collect(node.selectionSet, info, tree, new Set());
  return tree;
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
