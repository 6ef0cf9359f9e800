/**
 * Grades NL→SQL translations by executing them and the gold SQL and comparing
 * results: every gold column must appear among the translation's columns (the
 * translation may show more), rows compared as multisets, in order only when
 * the gold has ORDER BY … LIMIT. A case marked `"expect": "refuse"` (out of
 * scope: "why did sales drop", "predict next month") has no gold: refusing it
 * is correct, answering it is a wrong answer.
 */
import fs from "node:fs";
import type { Catalog } from "../../src/services/catalog/types.js";
import { translateOffline } from "../../src/services/nlsql/offline/index.js";

export interface Runner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; fields?: { name: string }[] }>;
}

export interface DevCase {
  question: string;
  /** Absent when the case expects a refusal. */
  gold?: string;
  expect?: "refuse";
  tags: string[];
}

export const expectsRefusal = (c: DevCase): boolean => c.expect === "refuse";

export interface CaseResult {
  question: string;
  /** "refused" only for answerable cases; a refusal the case expects is "correct". */
  status: "correct" | "wrong" | "refused" | "error";
  expectRefusal?: boolean;
  sql?: string;
  detail?: string;
  translateMs: number;
}

export function loadCases(file: string): DevCase[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as DevCase);
}

function norm(v: unknown): string {
  if (v === null || v === undefined) return "null";
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "number" || typeof v === "bigint" || (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v))) {
    const n = Number(v);
    return (Math.round(n * 100) / 100).toFixed(2);
  }
  return String(v);
}

async function rowsOf(db: Runner, sql: string): Promise<string[][]> {
  const r = await db.query<Record<string, unknown>>(sql);
  // Column order from the first row's keys would merge duplicate names: use arrays via fields when present.
  const names = r.fields?.map((f) => f.name) ?? (r.rows[0] ? Object.keys(r.rows[0]) : []);
  return r.rows.map((row) => (Array.isArray(row) ? row.map(norm) : names.map((n) => norm(row[n]))));
}

/** Compares gold rows with candidate rows; returns null when equal, else why not. */
export function compareResults(gold: string[][], got: string[][], ordered: boolean): string | null {
  if (gold.length !== got.length) return `row count ${got.length}, expected ${gold.length}`;
  if (gold.length === 0) return null;
  const gw = gold[0].length;
  const cw = got[0].length;
  const colVals = (rows: string[][], j: number) => rows.map((r) => r[j]);
  const sig = (vals: string[]) => (ordered ? vals.join("\u0002") : [...vals].sort().join("\u0002"));
  // Assign each gold column to a distinct candidate column holding the same values.
  const assign: number[] = [];
  const used = new Set<number>();
  const tryAssign = (j: number): boolean => {
    if (j === gw) {
      const proj = got.map((r) => assign.map((k) => r[k]).join("\u0003"));
      const g = gold.map((r) => r.join("\u0003"));
      return ordered ? proj.join("\u0004") === g.join("\u0004") : [...proj].sort().join("\u0004") === [...g].sort().join("\u0004");
    }
    const want = sig(colVals(gold, j));
    for (let k = 0; k < cw; k++) {
      if (used.has(k) || sig(colVals(got, k)) !== want) continue;
      used.add(k);
      assign[j] = k;
      if (tryAssign(j + 1)) return true;
      used.delete(k);
    }
    return false;
  };
  return tryAssign(0) ? null : "values differ";
}

export async function gradeCase(db: Runner, catalog: Catalog, c: DevCase, now: Date, defaultLimit: number): Promise<CaseResult> {
  const t0 = performance.now();
  const tr = translateOffline(c.question, catalog, { now, defaultLimit });
  const translateMs = performance.now() - t0;
  if (expectsRefusal(c)) {
    if (tr.kind !== "sql") return { question: c.question, status: "correct", expectRefusal: true, detail: `refused as expected: ${tr.reason}`, translateMs };
    return { question: c.question, status: "wrong", expectRefusal: true, sql: tr.sql, detail: "answered a question it should refuse", translateMs };
  }
  if (!c.gold) throw new Error(`case without gold SQL or "expect": "refuse": ${c.question}`);
  if (tr.kind !== "sql") return { question: c.question, status: "refused", detail: tr.reason, translateMs };
  const gold = await rowsOf(db, c.gold);
  let got: string[][];
  try {
    got = await rowsOf(db, tr.sql);
  } catch (err) {
    return { question: c.question, status: "error", sql: tr.sql, detail: (err as Error).message, translateMs };
  }
  const ordered = /\border\s+by\b[\s\S]*\blimit\b/i.test(c.gold);
  const why = compareResults(gold, got, ordered);
  return { question: c.question, status: why ? "wrong" : "correct", sql: tr.sql, detail: why ?? undefined, translateMs };
}

/**
 * coverage: answered among answerable cases; precision: correct among all
 * answers given (an answer to a must-refuse case counts as wrong);
 * executionAccuracy: correct among answerable cases.
 */
export interface Summary {
  total: number;
  /** Cases with gold SQL. */
  answerable: number;
  /** Answers given (to answerable and to must-refuse cases). */
  answered: number;
  /** Correct answers (must-refuse cases not included). */
  correct: number;
  coverage: number;
  precision: number;
  executionAccuracy: number;
  /** Must-refuse cases, and how many were refused. */
  refusalsExpected: number;
  refusalsCorrect: number;
  failures: CaseResult[];
  results: CaseResult[];
}

export async function gradeAll(db: Runner, catalog: Catalog, cases: DevCase[], now: Date, defaultLimit: number): Promise<Summary> {
  const results: CaseResult[] = [];
  for (const c of cases) results.push(await gradeCase(db, catalog, c, now, defaultLimit));
  const answerable = results.filter((r) => !r.expectRefusal);
  const mustRefuse = results.filter((r) => r.expectRefusal);
  const answeredAnswerable = answerable.filter((r) => r.status !== "refused").length;
  const wronglyAnswered = mustRefuse.filter((r) => r.status !== "correct").length;
  const correct = answerable.filter((r) => r.status === "correct").length;
  const answered = answeredAnswerable + wronglyAnswered;
  return {
    total: cases.length,
    answerable: answerable.length,
    answered,
    correct,
    coverage: answerable.length ? answeredAnswerable / answerable.length : 0,
    precision: answered ? correct / answered : 0,
    executionAccuracy: answerable.length ? correct / answerable.length : 0,
    refusalsExpected: mustRefuse.length,
    refusalsCorrect: mustRefuse.length - wronglyAnswered,
    failures: results.filter((r) => r.status !== "correct"),
    results,
  };
}

export function formatFailures(s: Summary): string {
  return s.failures.map((f) => `- [${f.status}] ${f.question}\n    ${f.detail ?? ""}${f.sql ? `\n    ${f.sql}` : ""}`).join("\n");
}
