function prismaNames(prisma) {
  const out = /* @__PURE__ */ new Map();
  const models = prisma._runtimeDataModel?.models ?? {};
  for (const [name, m] of Object.entries(models)) {
    out.set(m.dbName ?? name, { model: name, fields: new Map(m.fields.filter((f) => f.kind !== "object").map((f) => [f.dbName ?? f.name, f.name])) });
  }
  return out;
}
const kindOf = (type, typtype) => {
  if (typtype === "e") return "enum";
  if (/^(integer|bigint|smallint)$/.test(type)) return "integer";
  if (/^(numeric|real|double precision)/.test(type)) return "number";
  if (/^(text|character varying|character|citext)/.test(type)) return "text";
  if (type === "boolean") return "boolean";
  if (type.startsWith("timestamp")) return "timestamp";
  if (type === "date") return "date";
  if (type === "json" || type === "jsonb") return "json";
  if (type === "uuid") return "uuid";
  return "other";
};
class IntrospectedTables {
  constructor(db) {
    this.db = db;
  }
  db;
  cached = null;
  catalog() {
    this.cached ??= this.build().catch((err) => {
      this.cached = null;
      throw err;
    });
    return this.cached;
  }
  forget() {
    this.cached = null;
  }
  async build() {
    const res = await this.db.query(
      `SELECT c.relname::text AS table, a.attname::text AS column, format_type(a.atttypid, a.atttypmod) AS type, t.typtype::text AS typtype,
         a.attnotnull AS notnull, (a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '') AS hasdefault,
         (SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) AS enumvalues,
         EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary AND a.attnum = ANY(i.indkey)) AS pk,
         EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisunique AND i.indnatts = 1 AND i.indkey[0] = a.attnum) AS uq
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       JOIN pg_type t ON t.oid = a.atttypid
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       ORDER BY c.relname, a.attnum`
    );
    const names = prismaNames(this.db.prisma);
    const tables = /* @__PURE__ */ new Map();
    for (const r of res.rows) {
      let t = tables.get(r.table);
      if (!t) {
        t = { schema: "public", name: r.table, modelName: names.get(r.table)?.model ?? null, description: null, synonyms: [], definitions: {}, primaryKey: [], columns: [], rowEstimate: 0 };
        tables.set(r.table, t);
      }
      const kind = kindOf(r.type, r.typtype);
      t.columns.push({
        name: r.column,
        fieldName: names.get(r.table)?.fields.get(r.column) ?? null,
        sqlType: r.type,
        kind,
        nullable: !r.notnull,
        hasDefault: r.hasdefault,
        isPrimaryKey: r.pk,
        isUnique: r.uq || r.pk,
        enumValues: kind === "enum" ? r.enumvalues : null,
        references: null,
        description: null,
        synonyms: [],
        knownValues: null
      });
      if (r.pk) t.primaryKey.push(r.column);
    }
    return { version: String(Date.now()), tables: [...tables.values()], builtAt: /* @__PURE__ */ new Date() };
  }
}
export {
  IntrospectedTables
};
