/**
 * Collects the fields a selection asks of one object type, as graphql-js
 * does: fragments and inline fragments flattened, @skip/@include applied with
 * the request's variables, arguments coerced. Fields without arguments are
 * merged by field name (their JSON key), so two aliases of one field read one
 * value holding both sub-selections; fields with arguments keep one entry per
 * response key (`@alias` in the JSON), each with its own arguments.
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getArgumentValues,
  getDirectiveValues,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type SelectionSetNode,
} from "graphql";

export interface RequestScope {
  fragments: Record<string, FragmentDefinitionNode>;
  variableValues: Record<string, unknown>;
}

export interface SelectedField {
  /** Key of the value in the compiled JSON. */
  key: string;
  fieldName: string;
  /** Response key (alias or name) of the first occurrence, for messages. */
  responseKey: string;
  nodes: FieldNode[];
  args: Record<string, unknown>;
}

/** The JSON key of a field with arguments: `@` cannot start a field name, so it never meets one. */
export const argumentedKey = (responseKey: string) => `@${responseKey}`;

function included(node: { directives?: readonly unknown[] }, scope: RequestScope): boolean {
  if (!node.directives?.length) return true;
  const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, scope.variableValues);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, scope.variableValues);
  return include?.if !== false;
}

export function collectFields(type: GraphQLObjectType, parents: readonly FieldNode[], scope: RequestScope): Map<string, SelectedField> {
  const out = new Map<string, SelectedField>();
  const defs = type.getFields();
  const visited = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    if (!set) return;
    for (const sel of set.selections) {
      if (!included(sel, scope)) continue;
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (name === "__typename") continue;
        const def = defs[name];
        if (!def) continue;
        const responseKey = sel.alias?.value ?? name;
        const key = def.args.length ? argumentedKey(responseKey) : name;
        const seen = out.get(key);
        if (seen) seen.nodes.push(sel);
        else out.set(key, { key, fieldName: name, responseKey, nodes: [sel], args: def.args.length ? getArgumentValues(def, sel, scope.variableValues) : {} });
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (!sel.typeCondition || sel.typeCondition.name.value === type.name) visit(sel.selectionSet);
      } else {
        const name = sel.name.value;
        if (visited.has(name)) continue;
        visited.add(name);
        const frag = scope.fragments[name];
        if (frag && frag.typeCondition.name.value === type.name) visit(frag.selectionSet);
      }
    }
  };
  for (const p of parents) visit(p.selectionSet);
  return out;
}
