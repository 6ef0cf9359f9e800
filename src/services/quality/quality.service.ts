/**
 * Data quality reports for one table, computed with SQL aggregates (one pass
 * for the column statistics, one for rule checks and outliers, small queries
 * for examples): null shares, distinct counts, ranges, frequent values, rule
 * violations, duplicates, orphaned foreign keys, IQR outliers, and a 0–100
 * score whose every deduction is explained. Reports are kept in quality_reports.
 */
import type { Catalog, CatalogColumn, CatalogTable } from "../catalog/types.js";
import type { Database } from "../db/database.js";
import { quoteIdent } from "../db/sql.js";
import { BadUserInputError, type InputProblem } from "../errors.js";
import type { Logger } from "../log.js";
import { describeTable } from "../ml/index.js";
import type { JobEngine, JobRecord } from "../jobs/index.js";
import { qualityHandler } from "./quality.handler.js";
import { inferredRules, type QualityRule, type RuleKind } from "./rules.js";
import { keysetPage, type ConnectionShape, type PageArgs, type PageLimits } from "../paging/index.js";

export interface Violation {
  rule: RuleKind | "FOREIGN_KEY";
  source: string;
  count: number;
  share: number;
  /** A few offending values. */
  examples: string[];
  detail: string;
}

export interface ColumnReport {
  name: string;
  type: string;
  kind: CatalogColumn["kind"];
  nullCount: number;
  nullShare: number;
  distinctCount: number;
  distinctApproximate: boolean;
  min: string | null;
  max: string | null;
  mean: number | null;
  stddev: number | null;
  topValues: Array<{ value: string; count: number }>;
  violations: Violation[];
  outliers: { count: number; share: number; lower: number; upper: number } | null;
}

export interface Deduction {
  column: string | null;
  check: string;
  points: number;
  reason: string;
}

export interface QualityReportOut {
  id: number;
  table: string;
  rowCount: number;
  score: number;
  columns: ColumnReport[];
  deductions: Deduction[];
  createdAt: Date;
}

export interface QualityInput {
  table: string;
  columns?: string[] | null;
  rules?: QualityRule[] | null;
}

export interface QualityRunOptions {
  progress?: (done: number, total: number | null, message: string) => Promise<void> | void;
  signal?: AbortSignal;
}

const emailRe = "^[^@[:space:]]+@[^@[:space:]]+\\.[^@[:space:]]+$";
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const pct = (x: number) => `${round(x * 100, 1)}%`;

export interface QualityHistoryRow {
  id: number;
  table: string;
  score: number;
  rowCount: number;
  createdAt: Date;
}

export class QualityService {
  private readonly log: Logger;
  constructor(
    private readonly db: Database,
    private readonly opts: { exactDistinctMaxRows: number },
    log: Logger,
    private readonly jobs: JobEngine,
    /** The catalog, whose doc comments (COMMENT ON) declare rules ("unique", "from 1 to 5", "when … was placed"). */
    private readonly catalog?: () => Promise<Catalog>,
  ) {
    this.log = log.child({ component: "quality" });
    jobs.register(qualityHandler(this));
  }

  /** Checks table, columns and rules; a BAD_USER_INPUT listing every problem. */
  async checkInput(input: QualityInput): Promise<CatalogTable> {
    const table = await describeTable(this.db, input?.table, "table");
    const documented = (await this.catalog?.().catch(() => null))?.tables.find((t) => t.name === table.name && t.schema === table.schema);
    for (const c of table.columns) c.description ??= documented?.columns.find((d) => d.name === c.name)?.description ?? null;
    const byName = new Map(table.columns.map((c) => [c.name, c]));
    const problems: InputProblem[] = [];
    (input.columns ?? []).forEach((c, i) => {
      if (!byName.has(c)) problems.push({ field: `columns[${i}]`, message: `${table.name} has no column ${JSON.stringify(c)}` });
    });
    (input.rules ?? []).forEach((r, i) => {
      const col = byName.get(r.column);
      if (!col) problems.push({ field: `rules[${i}].column`, message: `${table.name} has no column ${JSON.stringify(r.column)}` });
      if (r.rule === "PATTERN" && !r.pattern) problems.push({ field: `rules[${i}].pattern`, message: "PATTERN needs a pattern (a PostgreSQL regular expression)" });
      if (r.rule === "RANGE" && col && col.kind !== "integer" && col.kind !== "number") problems.push({ field: `rules[${i}]`, message: `RANGE applies to numeric columns; ${r.column} is ${col.sqlType}` });
      if (r.rule === "RANGE" && (r.min === null || r.min === undefined) && (r.max === null || r.max === undefined)) problems.push({ field: `rules[${i}]`, message: "RANGE needs min, max or both" });
    });
    if (problems.length) {
      throw new BadUserInputError(`dataQuality input has ${problems.length} problem(s): ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}.`, { problems });
    }
    return table;
  }

  /** Submits a QUALITY job (for large tables); waits up to waitMs and returns its latest state. */
  async submit(input: QualityInput, waitMs = 0): Promise<JobRecord> {
    const job = await this.jobs.submit({ kind: "QUALITY", params: input });
    return waitMs > 0 ? this.jobs.waitFor(job.id, Math.min(waitMs, 600_000)) : job;
  }

  async report(input: QualityInput, run: QualityRunOptions = {}): Promise<QualityReportOut> {
    const table = await this.checkInput(input);
    const byName = new Map(table.columns.map((c) => [c.name, c]));
    const cols = input.columns?.length ? input.columns.map((c) => byName.get(c)!) : table.columns;
    const step = async (i: number, msg: string) => {
      if (run.signal?.aborted) throw new Error("quality report cancelled");
      await run.progress?.(i, 4, msg);
    };

    await step(0, "column statistics");
    const t = quoteIdent(table.name);
    const n = Number((await this.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n);
    const approximate = n > this.opts.exactDistinctMaxRows;
    const stats = await this.columnStats(table, cols, n, approximate);

    await step(1, "frequent values");
    const top = new Map<string, Array<{ value: string; count: number }>>();
    for (const c of cols) {
      if (c.kind === "json") continue;
      const q = quoteIdent(c.name);
      const res = await this.db.query<{ v: string; c: string }>(`SELECT ${q}::text AS v, count(*) AS c FROM ${t} WHERE ${q} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 5`);
      top.set(c.name, res.rows.map((r) => ({ value: r.v, count: Number(r.c) })));
    }

    await step(2, "rules, duplicates and foreign keys");
    const rules = new Map<string, QualityRule[]>();
    for (const c of cols) rules.set(c.name, inferredRules(c));
    for (const r of input.rules ?? []) {
      const list = rules.get(r.column) ?? [];
      const kept = list.filter((x) => x.rule !== r.rule);
      kept.push({ ...r, source: "input" });
      rules.set(r.column, kept);
    }
    const violations = await this.ruleViolations(table, cols, rules, stats, n);

    await step(3, "outliers");
    const outliers = await this.outliers(table, cols, stats, n);

    const columns: ColumnReport[] = cols.map((c) => {
      const s = stats.get(c.name)!;
      return {
        name: c.name,
        type: c.sqlType,
        kind: c.kind,
        nullCount: n - s.nonNull,
        nullShare: n ? (n - s.nonNull) / n : 0,
        distinctCount: s.distinct,
        distinctApproximate: approximate,
        min: s.min,
        max: s.max,
        mean: s.mean,
        stddev: s.stddev,
        topValues: top.get(c.name) ?? [],
        violations: violations.get(c.name) ?? [],
        outliers: outliers.get(c.name) ?? null,
      };
    });
    const { score, deductions } = scoreReport(columns, cols, n);
    const saved = await this.db.prisma.qualityReport.create({
      data: { tableName: table.name, score, rowCount: n, report: { columns, deductions } as unknown as object },
    });
    await run.progress?.(4, 4, `score ${score}`);
    this.log.info({ table: table.name, score, rows: n }, "quality report");
    return { id: saved.id, table: table.name, rowCount: n, score, columns, deductions, createdAt: saved.createdAt };
  }

  private async columnStats(table: CatalogTable, cols: CatalogColumn[], n: number, approximate: boolean) {
    const t = quoteIdent(table.name);
    const parts: string[] = [];
    cols.forEach((c, i) => {
      const q = quoteIdent(c.name);
      const comparable = c.kind !== "json" && c.kind !== "boolean" && c.kind !== "other";
      parts.push(`count(${q}) AS nn_${i}`);
      parts.push(`count(DISTINCT ${c.kind === "json" ? `${q}::text` : q}) AS d_${i}`);
      if (comparable) parts.push(`min(${q})::text AS min_${i}`, `max(${q})::text AS max_${i}`);
      if (c.kind === "integer" || c.kind === "number") parts.push(`avg(${q})::float8 AS mean_${i}`, `stddev_pop(${q})::float8 AS sd_${i}`);
    });
    const stats = new Map<string, { nonNull: number; distinct: number; min: string | null; max: string | null; mean: number | null; stddev: number | null }>();
    if (!cols.length) return stats;
    const row = (await this.db.query<Record<string, unknown>>(`SELECT ${parts.join(", ")} FROM ${t}`)).rows[0]!;
    let distinctOf = (i: number) => Number(row[`d_${i}`]);
    if (approximate) {
      // Above the limit, distinct values are counted on a random sample and scaled when nearly all were distinct.
      const frac = Math.min(100, (100 * this.opts.exactDistinctMaxRows) / n);
      const ds = cols.map((c, i) => `count(DISTINCT ${c.kind === "json" ? `${quoteIdent(c.name)}::text` : quoteIdent(c.name)}) AS d_${i}, count(${quoteIdent(c.name)}) AS nn_${i}`);
      const srow = (await this.db.query<Record<string, unknown>>(`SELECT ${ds.join(", ")} FROM ${t} TABLESAMPLE BERNOULLI (${frac})`)).rows[0]!;
      distinctOf = (i: number) => {
        const d = Number(srow[`d_${i}`]);
        const nn = Number(srow[`nn_${i}`]);
        return nn > 0 && d / nn > 0.95 ? Math.round((d / nn) * Number(row[`nn_${i}`])) : d;
      };
    }
    cols.forEach((c, i) => {
      const num = (k: string) => (row[k] === null || row[k] === undefined ? null : Number(row[k]));
      stats.set(c.name, {
        nonNull: Number(row[`nn_${i}`]),
        distinct: distinctOf(i),
        min: (row[`min_${i}`] as string | undefined) ?? null,
        max: (row[`max_${i}`] as string | undefined) ?? null,
        mean: num(`mean_${i}`),
        stddev: num(`sd_${i}`),
      });
    });
    return stats;
  }

  private async ruleViolations(
    table: CatalogTable,
    cols: CatalogColumn[],
    rules: Map<string, QualityRule[]>,
    stats: Map<string, { nonNull: number; distinct: number }>,
    n: number,
  ): Promise<Map<string, Violation[]>> {
    const t = quoteIdent(table.name);
    const out = new Map<string, Violation[]>();
    const checks: Array<{ col: CatalogColumn; rule: QualityRule; where: string; params: unknown[]; detail: string }> = [];
    const byName = new Map(cols.map((c) => [c.name, c]));
    for (const [name, list] of rules) {
      const col = byName.get(name);
      if (!col) continue;
      const q = quoteIdent(name);
      for (const r of list) {
        switch (r.rule) {
          case "EMAIL":
            checks.push({ col, rule: r, where: `${q} IS NOT NULL AND ${q}::text !~ '${emailRe}'`, params: [], detail: "not an e-mail address" });
            break;
          case "NON_NEGATIVE":
            checks.push({ col, rule: r, where: `${q} < 0`, params: [], detail: "negative" });
            break;
          case "PAST":
            checks.push({ col, rule: r, where: `${q} > now()`, params: [], detail: "in the future" });
            break;
          case "NOT_NULL":
            checks.push({ col, rule: r, where: `${q} IS NULL`, params: [], detail: "missing" });
            break;
          case "PATTERN":
            checks.push({ col, rule: r, where: `${q} IS NOT NULL AND ${q}::text !~ $1`, params: [r.pattern], detail: `does not match ${r.pattern}` });
            break;
          case "RANGE": {
            const conds: string[] = [];
            const params: unknown[] = [];
            if (r.min !== null && r.min !== undefined) {
              params.push(r.min);
              conds.push(`${q}::float8 < $${params.length}::float8`);
            }
            if (r.max !== null && r.max !== undefined) {
              params.push(r.max);
              conds.push(`${q}::float8 > $${params.length}::float8`);
            }
            checks.push({ col, rule: r, where: `(${conds.join(" OR ")})`, params, detail: `outside ${r.min ?? "-∞"}…${r.max ?? "∞"}` });
            break;
          }
          case "UNIQUE": {
            const s = stats.get(name)!;
            const dup = s.nonNull - s.distinct;
            if (dup > 0) {
              const ex = await this.db.query<{ v: string; c: string }>(`SELECT ${q}::text AS v, count(*) AS c FROM ${t} WHERE ${q} IS NOT NULL GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC, 1 LIMIT 3`);
              push(out, name, {
                rule: "UNIQUE",
                source: r.source ?? "input",
                count: dup,
                share: n ? dup / n : 0,
                examples: ex.rows.map((e) => `${e.v} (×${e.c})`),
                detail: `${dup} row(s) repeat a value that should be unique`,
              });
            }
            break;
          }
        }
      }
    }
    for (const check of checks) {
      const res = await this.db.query<{ c: string }>(`SELECT count(*) AS c FROM ${t} WHERE ${check.where}`, check.params);
      const count = Number(res.rows[0]!.c);
      if (count === 0) continue;
      const ex = await this.db.query<{ v: string | null }>(`SELECT ${quoteIdent(check.col.name)}::text AS v FROM ${t} WHERE ${check.where} LIMIT 3`, check.params);
      push(out, check.col.name, {
        rule: check.rule.rule,
        source: check.rule.source ?? "input",
        count,
        share: n ? count / n : 0,
        examples: ex.rows.map((e) => e.v ?? "null"),
        detail: `${count} value(s) ${check.detail}`,
      });
    }
    for (const col of cols) {
      if (!col.references) continue;
      const q = quoteIdent(col.name);
      const rt = quoteIdent(col.references.table);
      const rc = quoteIdent(col.references.column);
      const where = `x.${q} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM ${rt} r WHERE r.${rc} = x.${q})`;
      const count = Number((await this.db.query<{ c: string }>(`SELECT count(*) AS c FROM ${t} x WHERE ${where}`)).rows[0]!.c);
      if (count === 0) continue;
      const ex = await this.db.query<{ v: string }>(`SELECT x.${q}::text AS v FROM ${t} x WHERE ${where} LIMIT 3`);
      push(out, col.name, {
        rule: "FOREIGN_KEY",
        source: "foreign key",
        count,
        share: n ? count / n : 0,
        examples: ex.rows.map((e) => e.v),
        detail: `${count} value(s) point to no row of ${col.references.table}.${col.references.column}`,
      });
    }
    return out;
  }

  private async outliers(table: CatalogTable, cols: CatalogColumn[], stats: Map<string, { nonNull: number }>, n: number) {
    const out = new Map<string, { count: number; share: number; lower: number; upper: number }>();
    const numeric = cols.filter((c) => (c.kind === "integer" || c.kind === "number") && !c.isPrimaryKey && !c.references && stats.get(c.name)!.nonNull >= 4);
    if (!numeric.length) return out;
    const t = quoteIdent(table.name);
    const qs = numeric.map((c, i) => `percentile_cont(0.25) WITHIN GROUP (ORDER BY ${quoteIdent(c.name)}) AS q1_${i}, percentile_cont(0.75) WITHIN GROUP (ORDER BY ${quoteIdent(c.name)}) AS q3_${i}`);
    const qrow = (await this.db.query<Record<string, number>>(`SELECT ${qs.join(", ")} FROM ${t}`)).rows[0]!;
    const bounds = numeric.map((_, i) => {
      const q1 = Number(qrow[`q1_${i}`]);
      const q3 = Number(qrow[`q3_${i}`]);
      const iqr = q3 - q1;
      return { lower: q1 - 1.5 * iqr, upper: q3 + 1.5 * iqr };
    });
    const params: number[] = [];
    const counts = numeric.map((c, i) => {
      params.push(bounds[i]!.lower, bounds[i]!.upper);
      return `count(*) FILTER (WHERE ${quoteIdent(c.name)}::float8 < $${params.length - 1}::float8 OR ${quoteIdent(c.name)}::float8 > $${params.length}::float8) AS o_${i}`;
    });
    const orow = (await this.db.query<Record<string, string>>(`SELECT ${counts.join(", ")} FROM ${t}`, params)).rows[0]!;
    numeric.forEach((c, i) => {
      const count = Number(orow[`o_${i}`]);
      out.set(c.name, { count, share: n ? count / n : 0, lower: bounds[i]!.lower, upper: bounds[i]!.upper });
    });
    return out;
  }

  /** A table's stored reports, newest first, as a connection. */
  history(table: string, page: PageArgs, limits: PageLimits): Promise<ConnectionShape<QualityHistoryRow>> {
    return keysetPage<QualityHistoryRow, QualityHistoryRow>(
      this.db,
      {
        name: "qualityHistory",
        table: this.db.gateway.table("quality_reports"),
        select: `id, table_name AS "table", score, row_count AS "rowCount", created_at AS "createdAt"`,
        where: ["table_name = $1"],
        params: [table],
        order: [
          { column: "created_at", type: "timestamptz", descending: true },
          { column: "id", type: "int", descending: true },
        ],
        map: (r) => ({ ...r, score: Number(r.score) }),
      },
      page,
      limits,
    );
  }
}

function push(map: Map<string, Violation[]>, col: string, v: Violation) {
  const list = map.get(col) ?? [];
  list.push(v);
  map.set(col, list);
}

/**
 * 100 minus explained deductions: rule breaks, duplicates and orphans cost up to
 * 20 points each in proportion to the share of rows (at least 1 point when any);
 * missing values in NOT NULL-less columns up to 5; IQR outliers up to 3 (they may be real).
 */
export function scoreReport(columns: ColumnReport[], cols: CatalogColumn[], n: number): { score: number; deductions: Deduction[] } {
  const deductions: Deduction[] = [];
  const kinds = new Map(cols.map((c) => [c.name, c]));
  if (n === 0) return { score: 100, deductions: [] };
  for (const c of columns) {
    for (const v of c.violations) {
      const points = round(Math.max(1, Math.min(20, v.share * 100)));
      deductions.push({ column: c.name, check: v.rule, points, reason: `${c.name}: ${v.detail} (${pct(v.share)} of rows; rule from ${v.source})` });
    }
    if (c.nullShare > 0 && kinds.get(c.name)?.nullable && !c.violations.some((v) => v.rule === "NOT_NULL")) {
      const points = round(Math.min(5, c.nullShare * 10));
      if (points >= 0.01) deductions.push({ column: c.name, check: "NULLS", points, reason: `${c.name}: ${c.nullCount} missing value(s) (${pct(c.nullShare)} of rows)` });
    }
    if (c.outliers && c.outliers.count > 0) {
      const points = round(Math.min(3, c.outliers.share * 10));
      if (points >= 0.01) deductions.push({ column: c.name, check: "OUTLIERS", points, reason: `${c.name}: ${c.outliers.count} value(s) outside the IQR fences ${round(c.outliers.lower)}…${round(c.outliers.upper)} (${pct(c.outliers.share)} of rows)` });
    }
  }
  deductions.sort((a, b) => b.points - a.points);
  const total = deductions.reduce((a, d) => a + d.points, 0);
  return { score: round(Math.max(0, 100 - total), 1), deductions };
}
