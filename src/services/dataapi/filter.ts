/**
 * Typed filters: `XFilter` per table (a field per filterable column with its
 * operators, a field per relation, and/or/not) and the SQL condition a
 * filter value means. Unknown fields or operators cannot reach here: the
 * input types refuse them during validation.
 */
import { GraphQLBoolean, GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLString, type GraphQLInputFieldConfigMap, type GraphQLInputType } from "graphql";
import { BadUserInputError } from "../errors.js";
import type { ApiTable } from "./api-model.js";
import { keyPhrase } from "./inflection.js";
import { arrayLiteral, type Codec, type FilterOp } from "./scalars.js";
import { and, col, or, type SqlBuilder } from "./sql.js";

const OP_DOC: Record<FilterOp, string> = {
  eq: "Equal to (SQL `=`).",
  ne: "Not equal to (SQL `<>`; like SQL, never matches NULL).",
  in: "Equal to one of the list (SQL `= ANY`).",
  notIn: "Equal to none of the list (SQL `<> ALL`; never matches NULL).",
  lt: "Less than.",
  lte: "Less than or equal to.",
  gt: "Greater than.",
  gte: "Greater than or equal to.",
  isNull: "true: the value is NULL; false: it is not.",
  like: "SQL LIKE pattern (`%` any text, `_` one character), case-sensitive.",
  ilike: "SQL ILIKE pattern, case-insensitive.",
  contains: "Contains every element (arrays) or the given JSON (jsonb), SQL `@>`.",
  containedBy: "Is contained by the given value, SQL `<@`.",
  overlaps: "Shares at least one element, SQL `&&`.",
};

/** One input type per codec filter name (`IntFilter`, `OrderStatusFilter`, `StringListFilter`), shared by every table. */
export class ScalarFilterTypes {
  private readonly types = new Map<string, GraphQLInputObjectType>();
  constructor(private readonly names: ReadonlyMap<string, string>) {}

  get(codec: Codec): GraphQLInputObjectType {
    const name = this.names.get(codec.filterName) ?? `${codec.filterName}Filter`;
    let t = this.types.get(name);
    if (!t) {
      const fields: GraphQLInputFieldConfigMap = {};
      for (const op of codec.ops) fields[op] = { type: opInputType(codec, op), description: OP_DOC[op] };
      t = new GraphQLInputObjectType({ name, description: `Conditions on ${codec.filterName} values; all given conditions must hold.`, fields });
      this.types.set(name, t);
    }
    return t;
  }
}

function opInputType(codec: Codec, op: FilterOp): GraphQLInputType {
  if (op === "isNull") return GraphQLBoolean;
  if (op === "like" || op === "ilike") return GraphQLString;
  if (op === "in" || op === "notIn") return new GraphQLList(new GraphQLNonNull(codec.input));
  return codec.input;
}

/** `XFilter` for one table; relation fields point at other tables' filters, so fields are a thunk. */
export function buildFilterTypes(table: ApiTable, scalarFilters: ScalarFilterTypes): { filter: GraphQLInputObjectType; many: GraphQLInputObjectType } {
  const named = table.named;
  const filter: GraphQLInputObjectType = new GraphQLInputObjectType({
    name: named.filterName,
    description: `Conditions on ${named.typeName} rows; all given fields must hold.`,
    fields: () => {
      const fields: GraphQLInputFieldConfigMap = {};
      for (const [name, f] of table.filterFields) {
        if (f.kind === "column") fields[name] = { type: scalarFilters.get(f.codec), description: f.column.column.description ?? undefined };
        else if (f.relation.kind === "backwardMany") fields[name] = { type: f.target.manyFilterType, description: `${f.target.named.typeName} rows whose ${keyPhrase(f.relation.fk.columns)} at this row.` };
        else fields[name] = { type: f.target.filterType, description: `The related ${f.target.named.typeName} row exists and matches.` };
      }
      fields.and = { type: new GraphQLList(new GraphQLNonNull(filter)), description: "Every filter of the list holds." };
      fields.or = { type: new GraphQLList(new GraphQLNonNull(filter)), description: "At least one filter of the list holds." };
      fields.not = { type: filter, description: "The filter does not hold." };
      return fields;
    },
  });
  const many = new GraphQLInputObjectType({
    name: `${named.typeName}ManyFilter`,
    description: `Conditions on a set of related ${named.typeName} rows.`,
    fields: () => ({
      some: { type: filter, description: "At least one related row matches." },
      none: { type: filter, description: "No related row matches." },
    }),
  });
  return { filter, many };
}

const SQL_OPS: Partial<Record<FilterOp, string>> = { eq: "=", ne: "<>", lt: "<", lte: "<=", gt: ">", gte: ">=", like: "LIKE", ilike: "ILIKE", contains: "@>", containedBy: "<@", overlaps: "&&" };

function operandProblem(path: string, op: FilterOp): BadUserInputError {
  const message = op === "eq" || op === "ne" ? `${path}.${op} is null: use isNull: ${op === "eq"} to match ${op === "eq" ? "missing" : "present"} values.` : `${path}.${op} is null: give a value or leave the operator out.`;
  return new BadUserInputError(message, { problems: [{ field: `${path}.${op}`, message: "null operand" }] });
}

function columnCondition(expr: string, codec: Codec, ops: Record<string, unknown>, q: SqlBuilder, path: string): string {
  const conds: string[] = [];
  const lhs = codec.compare(expr);
  for (const [op, value] of Object.entries(ops) as Array<[FilterOp, unknown]>) {
    if (op === "isNull") {
      if (value === null) throw operandProblem(path, op);
      conds.push(`${lhs} IS ${value ? "" : "NOT "}NULL`);
    } else if (value === null || value === undefined) {
      throw operandProblem(path, op);
    } else if (op === "in" || op === "notIn") {
      const items = (value as unknown[]).map((v) => codec.param(v));
      conds.push(op === "in" ? `${lhs} = ANY(${q.param(arrayLiteral(items))})` : `${lhs} <> ALL(${q.param(arrayLiteral(items))})`);
    } else if (op === "like" || op === "ilike") {
      conds.push(`${lhs} ${SQL_OPS[op]} ${q.param(String(value))}`);
    } else {
      conds.push(`${lhs} ${SQL_OPS[op]} ${q.param(codec.param(value))}`);
    }
  }
  return and(conds);
}

/** The SQL condition of a filter value on rows of `table` aliased `alias`; null when the filter says nothing. */
export function filterSql(table: ApiTable, filter: Record<string, unknown> | null | undefined, alias: string, q: SqlBuilder, path: string): string | null {
  if (!filter) return null;
  const conds: string[] = [];
  for (const [name, value] of Object.entries(filter)) {
    const here = `${path}.${name}`;
    if (name === "and" || name === "or") {
      if (value === null) throw new BadUserInputError(`${here} is null: give a list of filters or leave it out.`, { problems: [{ field: here, message: "null" }] });
      const parts = (value as Array<Record<string, unknown>>).map((f, i) => filterSql(table, f, alias, q, `${here}[${i}]`) ?? "TRUE");
      conds.push(name === "and" ? and(parts) : or(parts));
      continue;
    }
    if (name === "not") {
      if (value === null) throw new BadUserInputError(`${here} is null: give a filter or leave it out.`, { problems: [{ field: here, message: "null" }] });
      conds.push(`NOT (${filterSql(table, value as Record<string, unknown>, alias, q, here) ?? "TRUE"})`);
      continue;
    }
    const f = table.filterFields.get(name)!;
    if (value === null) throw new BadUserInputError(`${here} is null: give conditions or leave the field out.`, { problems: [{ field: here, message: "null" }] });
    if (f.kind === "column") {
      conds.push(columnCondition(col(alias, f.column.column.name), f.codec, value as Record<string, unknown>, q, here));
      continue;
    }
    const r = f.relation;
    const other = q.alias("f");
    const join = r.join.map(([mine, theirs]) => `${col(other, theirs)} = ${col(alias, mine)}`);
    const related = (sub: Record<string, unknown> | null | undefined, p: string) =>
      `EXISTS (SELECT 1 FROM ${f.target.sqlName} ${other} WHERE ${and([...join, filterSql(f.target, sub, other, q, p)])})`;
    if (r.kind !== "backwardMany") {
      conds.push(related(value as Record<string, unknown>, here));
      continue;
    }
    const many = value as { some?: Record<string, unknown> | null; none?: Record<string, unknown> | null };
    for (const [k, sub] of Object.entries(many)) {
      if (sub === null) throw new BadUserInputError(`${here}.${k} is null: give a filter or leave it out.`, { problems: [{ field: `${here}.${k}`, message: "null" }] });
      conds.push(k === "some" ? related(sub, `${here}.some`) : `NOT ${related(sub, `${here}.none`)}`);
    }
  }
  return conds.length ? and(conds) : null;
}
