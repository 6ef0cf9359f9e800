/**
 * Gives every table, column, relation, enum and root field of a DataModel
 * its GraphQL name, deterministically: candidates from inflection.ts are
 * tried in order (plain name, then with the schema's name in front, then a
 * number), so the first schema listed and the host schema's own names win
 * collisions. Each rename lands in the report.
 */
import { enumValueName, inflect, pascal, singular, words } from "./inflection.js";
import { isWritable, qualifiedName, type DataColumn, type DataForeignKey, type DataModel, type DataTable, type DataUnique, type PgType, type ReportEntry } from "./model.js";
import { SCALAR_FILTER_NAMES, SCALAR_KEYS, type ScalarKey } from "./scalars.js";
import { isOmitted, tagText } from "./smart-tags.js";

export interface NamedColumn {
  column: DataColumn;
  fieldName: string;
  /** orderBy enum values. */
  asc: string;
  desc: string;
}

export interface NamedRelation {
  fk: DataForeignKey;
  /** forward: this row's key points at one target row; backwardOne/backwardMany: target rows point at this row. */
  kind: "forward" | "backwardOne" | "backwardMany";
  fieldName: string;
  source: NamedTable;
  target: NamedTable;
  /** Column pairs [source column, target column] that join the two. */
  join: Array<[string, string]>;
}

export interface NamedLookup {
  fieldName: string;
  key: DataUnique;
  primary: boolean;
  /** Argument name per key column (the column's field name). */
  args: NamedColumn[];
}

export interface NamedMutations {
  createOne?: string;
  createMany?: string;
  updateOne?: string;
  deleteOne?: string;
  updateMany?: string;
  deleteMany?: string;
}

export interface NamedTable {
  table: DataTable;
  /** `schema.table`. */
  id: string;
  /** Singular words the type and root field names derive from (after collisions). */
  base: string[];
  /**
   * Words relation fields on other types derive from: the plain name when only the host schema took it
   * (fields live inside a type, so `Order.orderItems` stays although the type is `PublicOrderItem`),
   * the renamed one when another table of the data API took it.
   */
  relationBase: string[];
  typeName: string;
  connectionName: string;
  edgeName: string;
  filterName: string;
  orderByName: string;
  inputName: string;
  patchName: string;
  columns: NamedColumn[];
  relations: NamedRelation[];
  lookups: NamedLookup[];
  listField: string;
  mutations: NamedMutations;
  /** Columns that identify a row (primary key or a unique key of NOT NULL columns): keyset cursors; null = positional cursors. */
  rowKey: string[] | null;
  /** The primary key's columns as fields, when it can key updates and deletes. */
  primaryKey: NamedColumn[] | null;
  description: string | null;
}

export interface NamedEnum {
  type: PgType;
  name: string;
  values: Array<{ name: string; label: string }>;
}

export interface NamedModel {
  tables: NamedTable[];
  enums: NamedEnum[];
  scalarNames: Record<ScalarKey, string>;
  /** Filter input type name per scalar filter base (`String` → `StringFilter`); enums use `<Enum>Filter`. */
  filterTypeNames: ReadonlyMap<string, string>;
  report: ReportEntry[];
}

export interface NamingOptions {
  reservedTypeNames?: Iterable<string>;
  reservedQueryFields?: Iterable<string>;
  reservedMutationFields?: Iterable<string>;
}

/** GraphQL's own scalar names and the type names every schema has. */
const BUILTIN_TYPES = ["Int", "Float", "String", "Boolean", "ID", "Query", "Mutation", "Subscription"];
const FILTER_OPERATOR_FIELDS = ["and", "or", "not"];

/** A set of taken names; `claim` takes the first free candidate, else the first with a number appended. */
class NameSpace {
  private readonly taken = new Set<string>();
  constructor(reserved: Iterable<string> = []) {
    for (const r of reserved) this.taken.add(r);
  }
  has(name: string): boolean {
    return this.taken.has(name);
  }
  add(name: string): void {
    this.taken.add(name);
  }
  claim(candidates: Array<string | null | undefined>): string {
    const list = candidates.filter((c): c is string => Boolean(c));
    for (const c of list) {
      if (!this.taken.has(c)) {
        this.taken.add(c);
        return c;
      }
    }
    const stem = list[0]!;
    for (let n = 2; ; n++) {
      if (!this.taken.has(`${stem}${n}`)) {
        this.taken.add(`${stem}${n}`);
        return `${stem}${n}`;
      }
    }
  }
}

export function nameModel(model: DataModel, opts: NamingOptions = {}): NamedModel {
  const report: ReportEntry[] = [];
  const reservedTypes = new Set(opts.reservedTypeNames ?? []);
  const types = new NameSpace([...BUILTIN_TYPES, ...reservedTypes]);

  // Scalars first: a host type of the same name (other than JSON, which is the shared graphql-scalars one) renames ours.
  const scalarNames = {} as Record<ScalarKey, string>;
  for (const k of SCALAR_KEYS) {
    const name = types.claim([k, `Pg${k}`]);
    scalarNames[k] = name;
    if (name !== k) report.push({ table: "(scalars)", reason: `the host schema already has a type ${k}: the data API's ${k} scalar is named ${name}` });
  }
  // Filter input types of scalars, shared by every table: stepped around the host's names like the rest.
  const filterTypeNames = new Map<string, string>();
  for (const f of [...SCALAR_FILTER_NAMES, ...Object.values(scalarNames)]) {
    for (const base of [f, `${f}List`]) {
      const name = types.claim([`${base}Filter`, `Pg${base}Filter`]);
      filterTypeNames.set(base, name);
      if (name !== `${base}Filter`) report.push({ table: "(scalars)", reason: `the host schema already has a type ${base}Filter: the data API's is named ${name}` });
    }
  }

  const tables: NamedTable[] = [];
  // Each type's field names: columns first, then forward relations, then backward ones.
  const fieldSpaces = new Map<NamedTable, NameSpace>();
  const tableTypes = new Set<string>();
  for (const t of model.tables) {
    if (isOmitted(t.tags, "read")) {
      report.push({ table: qualifiedName(t), reason: "@omit: not exposed" });
      continue;
    }
    // A GraphQL object type needs a field.
    if (!t.columns.some((c) => !isOmitted(c.tags, "read"))) {
      report.push({ table: qualifiedName(t), reason: "no column to expose: left out" });
      continue;
    }
    tables.push(nameTable(t, types, tableTypes, fieldSpaces, report));
  }
  const byId = new Map(tables.map((t) => [t.id, t]));

  // Enums after tables: a table keeps `Status` before an enum type of the same name.
  const enums: NamedEnum[] = [];
  const seenEnums = new Set<number>();
  const enumOf = (type: PgType): PgType | null => (type.kind === "enum" ? type : type.kind === "domain" && type.base ? enumOf(type.base) : type.kind === "array" && type.element ? enumOf(type.element) : null);
  for (const t of tables) {
    for (const c of t.columns) {
      const e = enumOf(c.column.type);
      if (!e || seenEnums.has(e.oid)) continue;
      seenEnums.add(e.oid);
      const plain = inflect.enumType(tagText(e.tags, "name") ?? e.name);
      const name = claimWithDerived(types, [plain, pascal([...words(e.schema), ...words(plain)])], (n) => [n, `${n}Filter`, `${n}ListFilter`]);
      if (name !== plain) report.push({ table: `${e.schema}.${e.name}`, reason: `enum type name ${plain} is taken: named ${name}` });
      const values = new NameSpace();
      enums.push({
        type: e,
        name,
        values: (e.enumLabels ?? []).map((label) => {
          const v = values.claim([enumValueName(label)]);
          if (v !== label) report.push({ table: `${e.schema}.${e.name}`, reason: `enum label ${JSON.stringify(label)} is not a GraphQL name: value ${v}` });
          return { name: v, label };
        }),
      });
    }
  }

  nameRelations(tables, byId, fieldSpaces, report);
  nameRootFields(tables, opts, report);
  return { tables, enums, scalarNames, filterTypeNames, report };
}

/** Claims a name whose derived names must all be free too. */
function claimWithDerived(types: NameSpace, candidates: string[], derived: (n: string) => string[]): string {
  const free = (n: string) => derived(n).every((d) => !types.has(d));
  let chosen = candidates.find(free);
  for (let n = 2; !chosen; n++) if (free(`${candidates[candidates.length - 1]}${n}`)) chosen = `${candidates[candidates.length - 1]}${n}`;
  for (const d of derived(chosen)) types.add(d);
  return chosen;
}

function nameTable(t: DataTable, types: NameSpace, tableTypes: Set<string>, fieldSpaces: Map<NamedTable, NameSpace>, report: ReportEntry[]): NamedTable {
  const id = qualifiedName(t);
  const given = tagText(t.tags, "name");
  const plainBase = singular(words(given ?? t.name));
  const base0 = plainBase.length ? plainBase : ["table", String(t.oid)];
  const schemaBase = [...words(t.schema), ...base0];
  const candidates = [inflect.typeName(base0), inflect.typeName(schemaBase)];
  const typeName = claimWithDerived(types, candidates, inflect.tableTypeNames);
  let base = base0;
  if (typeName === candidates[1]) base = schemaBase;
  else if (typeName !== candidates[0]) base = [...schemaBase, typeName.slice(candidates[1]!.length)];
  if (typeName !== candidates[0]) report.push({ table: id, reason: `type name ${candidates[0]} (or one derived from it) is taken: named ${typeName}` });
  const takenByTable = inflect.tableTypeNames(candidates[0]!).some((n) => tableTypes.has(n));
  const relationBase = typeName !== candidates[0] && !takenByTable ? base0 : base;
  for (const n of inflect.tableTypeNames(typeName)) tableTypes.add(n);

  const fields = new NameSpace(FILTER_OPERATOR_FIELDS);
  const columns: NamedColumn[] = [];
  for (const c of t.columns) {
    if (isOmitted(c.tags, "read")) {
      report.push({ table: id, column: c.name, reason: "@omit: not exposed" });
      continue;
    }
    const plain = inflect.column(tagText(c.tags, "name") ?? c.name);
    const fieldName = fields.claim([plain === "_" || !words(tagText(c.tags, "name") ?? c.name).length ? `column${c.attnum}` : plain]);
    if (fieldName !== plain) report.push({ table: id, column: c.name, reason: `field name ${plain} is taken or not usable: named ${fieldName}` });
    columns.push({ column: c, fieldName, asc: "", desc: "" });
  }
  const orderValues = new NameSpace();
  for (const c of columns) {
    c.asc = orderValues.claim([inflect.orderByValue(c.fieldName, true)]);
    c.desc = orderValues.claim([inflect.orderByValue(c.fieldName, false)]);
  }

  const col = (name: string) => columns.find((c) => c.column.name === name);
  const notNull = (names: string[]) => names.every((n) => t.columns.find((c) => c.name === n)?.notNull);
  const pk = t.primaryKey;
  const uniqueNotNull = t.kind === "table" || t.kind === "partitionedTable" || t.kind === "materializedView" ? t.uniques.find((u) => notNull(u.columns)) : undefined;
  const rowKey = pk ? pk.columns : uniqueNotNull ? uniqueNotNull.columns : null;
  const pkFields = pk && pk.columns.every((c) => col(c)) ? pk.columns.map((c) => col(c)!) : null;
  if (pk && !pkFields) report.push({ table: id, reason: "a primary-key column is omitted: no lookup, update or delete by key" });

  const lookups: NamedLookup[] = [];
  if (pkFields) lookups.push({ fieldName: "", key: pk!, primary: true, args: pkFields });
  for (const u of t.uniques) {
    const args = u.columns.map((c) => col(c));
    if (args.some((a) => !a) || isOmitted(u.tags, "read")) continue;
    lookups.push({ fieldName: "", key: u, primary: false, args: args as NamedColumn[] });
  }
  if (!pk) report.push({ table: id, reason: `${t.kind === "view" || t.kind === "materializedView" ? "a view" : "no primary key"}: listed and filtered, no lookup${isWritable(t) ? ", update or delete" : ""} (a @primaryKey smart tag can name one)` });

  const named: NamedTable = {
    table: t,
    id,
    base,
    relationBase,
    typeName,
    connectionName: inflect.connectionType(typeName),
    edgeName: inflect.edgeType(typeName),
    filterName: inflect.filterType(typeName),
    orderByName: inflect.orderByType(typeName),
    inputName: inflect.inputType(typeName),
    patchName: inflect.patchType(typeName),
    columns,
    relations: [],
    lookups,
    listField: "",
    mutations: {},
    rowKey,
    primaryKey: pkFields,
    description: t.description,
  };
  fieldSpaces.set(named, fields);
  return named;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function nameRelations(tables: NamedTable[], byId: Map<string, NamedTable>, fieldSpaces: Map<NamedTable, NameSpace>, report: ReportEntry[]): void {
  const fieldSpaceOf = (t: NamedTable) => fieldSpaces.get(t)!;
  const fkUsable = (source: NamedTable, fk: DataForeignKey) => {
    const target = byId.get(`${fk.foreignSchema}.${fk.foreignTable}`);
    if (!target) return null;
    if (isOmitted(fk.tags, "read")) {
      report.push({ table: source.id, reason: `foreign key ${fk.name}: @omit, no relation fields` });
      return null;
    }
    return target;
  };
  const fieldOf = (t: NamedTable, column: string) => t.columns.find((c) => c.column.name === column)?.fieldName ?? inflect.column(column);

  // Forward relations: on the table holding the key.
  for (const source of tables) {
    for (const fk of source.table.foreignKeys) {
      const target = fkUsable(source, fk);
      if (!target) continue;
      const localFields = fk.columns.map((c) => fieldOf(source, c));
      const fieldName = fieldSpaceOf(source).claim([
        tagText(fk.tags, "fieldName"),
        inflect.forwardRelationFromColumn(localFields[0]!, fk.columns.length),
        inflect.forwardRelationByKeys(target.relationBase, localFields),
      ]);
      source.relations.push({ fk, kind: "forward", fieldName, source, target, join: fk.columns.map((c, i) => [c, fk.foreignColumns[i]!]) });
    }
  }
  // Backward relations: on the referenced table, after every forward name, so forward names win.
  for (const child of tables) {
    for (const fk of child.table.foreignKeys) {
      const parent = fkUsable(child, fk);
      if (!parent) continue;
      const childFields = fk.columns.map((c) => fieldOf(child, c));
      const siblings = child.table.foreignKeys.filter((k) => k.foreignSchema === fk.foreignSchema && k.foreignTable === fk.foreignTable).length;
      const selfReference = child === parent;
      const plainAllowed = siblings === 1 && !selfReference;
      const keys = [child.table.primaryKey, ...child.table.uniques].filter((u): u is DataUnique => Boolean(u));
      const one = keys.some((u) => sameSet(u.columns, fk.columns));
      const fieldName = fieldSpaceOf(parent).claim(
        one
          ? [tagText(fk.tags, "foreignFieldName"), plainAllowed ? inflect.backwardSingleRelation(child.relationBase) : null, inflect.backwardSingleRelationByKeys(child.relationBase, childFields)]
          : [tagText(fk.tags, "foreignFieldName"), plainAllowed ? inflect.backwardRelation(child.relationBase) : null, inflect.backwardRelationByKeys(child.relationBase, childFields)],
      );
      parent.relations.push({ fk, kind: one ? "backwardOne" : "backwardMany", fieldName, source: parent, target: child, join: fk.foreignColumns.map((c, i) => [c, fk.columns[i]!]) });
    }
  }
}

function nameRootFields(tables: NamedTable[], opts: NamingOptions, report: ReportEntry[]): void {
  const query = new NameSpace(opts.reservedQueryFields ?? []);
  const mutation = new NameSpace(opts.reservedMutationFields ?? []);
  const note = (t: NamedTable, wanted: string, got: string, what: string) => {
    if (wanted !== got) report.push({ table: t.id, reason: `${what} ${wanted} is taken: named ${got}` });
  };
  for (const t of tables) {
    for (const l of t.lookups) {
      const byKeys = inflect.uniqueLookupField(t.base, l.args.map((a) => a.fieldName));
      const wanted = l.primary ? inflect.lookupField(t.base) : byKeys;
      l.fieldName = query.claim([wanted, byKeys]);
      note(t, wanted, l.fieldName, "query field");
    }
  }
  for (const t of tables) {
    const plural = inflect.listField(t.base);
    const wanted = plural !== inflect.lookupField(t.base) ? plural : inflect.allListField(t.base);
    t.listField = query.claim([wanted, inflect.allListField(t.base)]);
    note(t, wanted, t.listField, "query field");
  }
  for (const t of tables) {
    if (!isWritable(t.table)) continue;
    const m: NamedMutations = {};
    const tags = t.table.tags;
    const blocked = t.table.columns.filter((c) => c.notNull && !c.hasDefault && !c.generated && c.identity !== "always" && (isOmitted(c.tags, "read") || isOmitted(c.tags, "create")));
    if (!isOmitted(tags, "create")) {
      if (blocked.length) report.push({ table: t.id, reason: `no create mutations: required column ${blocked.map((c) => c.name).join(", ")} is omitted` });
      else {
        m.createOne = mutation.claim([inflect.createOne(t.typeName)]);
        m.createMany = mutation.claim([inflect.createMany(t.base)]);
      }
    }
    if (t.primaryKey && t.table.primaryKey?.source !== "tag") {
      if (!isOmitted(tags, "update")) {
        m.updateOne = mutation.claim([inflect.updateOne(t.typeName)]);
        m.updateMany = mutation.claim([inflect.updateMany(t.base)]);
      }
      if (!isOmitted(tags, "delete")) {
        m.deleteOne = mutation.claim([inflect.deleteOne(t.typeName)]);
        m.deleteMany = mutation.claim([inflect.deleteMany(t.base)]);
      }
    }
    t.mutations = m;
  }
}

