const RESERVED = /* @__PURE__ */ new Set(["user", "order", "group", "select", "from", "where", "table", "limit", "offset", "desc", "asc", "all", "and", "or", "not", "end", "case", "when", "to", "check", "default", "primary", "references", "column", "constraint", "grant", "user", "window", "both", "leading", "analyse", "analyze", "array", "as", "collate", "do", "else", "fetch", "for", "foreign", "having", "in", "into", "is", "null", "only", "on", "placing", "returning", "some", "symmetric", "then", "union", "unique", "using", "variadic", "with", "current_date", "current_time", "current_user", "session_user", "true", "false"]);
function q(name) {
  return /^[a-z_][a-z0-9_]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
function tableSql(t) {
  return t.schema && t.schema !== "public" ? `${q(t.schema)}.${q(t.name)}` : q(t.name);
}
function lit(v) {
  return `'${v.replace(/'/g, "''")}'`;
}
function forwardPath(index, from, to, maxHops = 3) {
  if (from === to) return [];
  let frontier = [{ table: from, path: [] }];
  for (let hop = 0; hop < maxHops; hop++) {
    const next = [];
    for (const f of frontier)
      for (const e of index.edges)
        if (e.from === f.table && !f.path.some((p) => p.from === e.to) && e.to !== from) next.push({ table: e.to, path: [...f.path, e] });
    const found = next.filter((n) => n.table === to);
    if (found.length > 1) throw new Error(`ambiguous path from ${from} to ${to}`);
    if (found.length === 1) return found[0].path;
    frontier = next;
  }
  return null;
}
class JoinTree {
  constructor(index, root) {
    this.index = index;
    this.root = root;
    this.aliases.set(root, this.newAlias(root));
  }
  index;
  root;
  aliases = /* @__PURE__ */ new Map();
  joins = [];
  used = /* @__PURE__ */ new Set();
  newAlias(table) {
    const base = table.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toLowerCase()).join("") || "t";
    let a = /^[a-z]/.test(base) ? base : `t${base}`;
    for (let i = 2; this.used.has(a) || RESERVED.has(a); i++) a = `${base}${i}`;
    this.used.add(a);
    return a;
  }
  /** Can `table` be joined without multiplying root rows? */
  reachable(table) {
    try {
      return this.aliases.has(table) || forwardPath(this.index, this.root, table) !== null;
    } catch {
      return false;
    }
  }
  /** Alias of `table`, joining it along the forward FK path; throws when impossible. */
  alias(table) {
    const known = this.aliases.get(table);
    if (known) return known;
    const path = forwardPath(this.index, this.root, table);
    if (!path) throw new Error(`no foreign-key path from ${this.root} to ${table}`);
    for (const e of path) {
      if (this.aliases.has(e.to)) continue;
      const a = this.newAlias(e.to);
      this.aliases.set(e.to, a);
      this.joins.push(`JOIN ${tableSql(this.index.tables.get(e.to))} ${a} ON ${a}.${q(e.toColumn)} = ${this.aliases.get(e.from)}.${q(e.fromColumn)}`);
    }
    return this.aliases.get(table);
  }
  from() {
    return [`${tableSql(this.index.tables.get(this.root))} ${this.aliases.get(this.root)}`, ...this.joins].join(" ");
  }
}
export {
  JoinTree,
  forwardPath,
  lit,
  q,
  tableSql
};
