/**
 * Mutations per writable table: createX(input), createXs(inputs) in one
 * statement, updateX(key, patch), deleteX(key), and updateXs/deleteXs that
 * need a filter. Inputs are typed from the columns: a column with a default
 * or identity is optional, a generated or always-identity column absent,
 * `@omit create`/`@omit update` columns left out. Views and tables without a
 * primary key get no update or delete (and views no create).
 */
import {
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLNonNull,
  type GraphQLFieldConfigArgumentMap,
  type GraphQLFieldConfigMap,
  type GraphQLNamedType,
} from "graphql";
import type { ApiTable } from "./api-model.js";
import type { WritableColumns } from "./compile-mutation.js";
import type { PageLimits } from "./connection.js";
import { createResolver, deleteResolver, updateResolver, type DataApiContext } from "./resolve.js";
import { isOmitted } from "./smart-tags.js";

export interface WriteSpec {
  table: ApiTable;
  insertable: WritableColumns;
  updatable: WritableColumns;
  /** Tables whose rows a write here may change through ON DELETE/UPDATE actions of their keys (cache tags). */
  touches: { delete: string[]; update: string[] };
}

function writableColumns(table: ApiTable, action: "create" | "update"): WritableColumns {
  const out: WritableColumns = new Map();
  for (const c of table.named.columns) {
    const col = c.column;
    if (col.generated || col.identity === "always" || isOmitted(col.tags, action)) continue;
    out.set(c.fieldName, c);
  }
  return out;
}

/** Tables reached through foreign keys with ON DELETE (or ON UPDATE) actions, transitively: a write there changes them too. */
function touchedBy(table: ApiTable, tables: ApiTable[], action: "onDelete" | "onUpdate"): string[] {
  const out = new Set<string>([table.cacheTag]);
  const queue = [table];
  const seen = new Set([table]);
  while (queue.length) {
    const cur = queue.pop()!;
    for (const t of tables) {
      for (const fk of t.named.table.foreignKeys) {
        if (fk.foreignSchema !== cur.named.table.schema || fk.foreignTable !== cur.named.table.name) continue;
        if (fk[action] === "noAction" || fk[action] === "restrict") continue;
        out.add(t.cacheTag);
        if (!seen.has(t)) {
          seen.add(t);
          queue.push(t);
        }
      }
    }
  }
  return [...out].sort();
}

export function buildMutations(tables: ApiTable[], limits: PageLimits): { fields: GraphQLFieldConfigMap<unknown, DataApiContext>; types: GraphQLNamedType[] } {
  const fields: GraphQLFieldConfigMap<unknown, DataApiContext> = {};
  const types: GraphQLNamedType[] = [];
  for (const table of tables) {
    const m = table.named.mutations;
    if (!Object.keys(m).length) continue;
    const spec: WriteSpec = {
      table,
      insertable: writableColumns(table, "create"),
      updatable: writableColumns(table, "update"),
      touches: { delete: touchedBy(table, tables, "onDelete"), update: touchedBy(table, tables, "onUpdate") },
    };
    const name = table.named.typeName;
    const rows = new GraphQLList(new GraphQLNonNull(table.type));

    if (m.createOne && spec.insertable.size > 0) {
      const input = new GraphQLInputObjectType({
        name: table.named.inputName,
        description: `A new ${name} row; fields left out take the column's default.`,
        fields: Object.fromEntries(
          [...spec.insertable].map(([field, c]) => {
            const required = c.column.notNull && !c.column.hasDefault && c.column.identity === null;
            const codec = table.codecs.get(c.column.name)!;
            return [field, { type: required ? new GraphQLNonNull(codec.input) : codec.input, description: c.column.description ?? undefined }];
          }),
        ),
      });
      types.push(input);
      fields[m.createOne] = {
        type: table.type,
        args: { input: { type: new GraphQLNonNull(input) } },
        description: `Inserts one ${name} row and returns it.`,
        resolve: createResolver(spec, limits, false),
      };
      fields[m.createMany!] = {
        type: rows,
        args: { inputs: { type: new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(input))), description: `At most ${limits.maxPageSize} rows.` } },
        description: `Inserts ${name} rows in one statement and returns them in the order given.`,
        resolve: createResolver(spec, limits, true),
      };
    }
    const keyArgs: GraphQLFieldConfigArgumentMap = {};
    for (const k of table.named.primaryKey ?? []) keyArgs[k.fieldName] = { type: new GraphQLNonNull(table.codecs.get(k.column.name)!.input) };
    if (m.updateOne && spec.updatable.size > 0) {
      const patch = new GraphQLInputObjectType({
        name: table.named.patchName,
        description: `Changes to ${name} rows: only the fields given are set (null sets NULL).`,
        fields: Object.fromEntries([...spec.updatable].map(([field, c]) => [field, { type: table.codecs.get(c.column.name)!.input, description: c.column.description ?? undefined }])),
      });
      types.push(patch);
      fields[m.updateOne] = {
        type: table.type,
        args: { ...keyArgs, patch: { type: new GraphQLNonNull(patch) } },
        description: `Changes one ${name} row by primary key and returns it; null when there is no such row.`,
        resolve: updateResolver(spec, limits, false),
      };
      fields[m.updateMany!] = {
        type: rows,
        args: { filter: { type: new GraphQLNonNull(table.filterType) }, patch: { type: new GraphQLNonNull(patch) } },
        description: `Changes the ${name} rows matching the filter (at most ${limits.maxPageSize}, else nothing changes) and returns them.`,
        resolve: updateResolver(spec, limits, true),
      };
    }
    if (m.deleteOne) {
      fields[m.deleteOne] = {
        type: table.type,
        args: keyArgs,
        description: `Deletes one ${name} row by primary key and returns it as it was; null when there is no such row.`,
        resolve: deleteResolver(spec, limits, false),
      };
      fields[m.deleteMany!] = {
        type: rows,
        args: { filter: { type: new GraphQLNonNull(table.filterType) } },
        description: `Deletes the ${name} rows matching the filter (at most ${limits.maxPageSize}, else nothing is deleted) and returns them as they were.`,
        resolve: deleteResolver(spec, limits, true),
      };
    }
  }
  return { fields, types };
}
