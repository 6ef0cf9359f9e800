/**
 * The offline NL→SQL translator: schema-generic, no network, no model. Every
 * table, column, value and definition it knows comes from the Catalog; the
 * rest is a general English lexicon. It refuses rather than guess.
 */
import type { Catalog } from "../../catalog/types.js";
import { buildSchemaIndex } from "./schema-index.js";
import { NotUnderstood } from "./frame.js";
import { render } from "./render.js";
import { understand } from "./translate.js";

export interface OfflineTranslation {
  kind: "sql";
  sql: string;
  /** Plain-English restatement of what the SQL does, shown to the user. */
  interpretation: string;
  /** SQL names of the tables the SQL reads. */
  tables: string[];
  /** 0–1; the pipeline only uses answers at or above its threshold. */
  confidence: number;
}

export interface OfflineRefusal {
  kind: "not_understood";
  /** What parts of the question were recognised (tables, columns, values, time ranges). */
  understood: string[];
  /** Rephrasings or hints the user could try. */
  suggestions: string[];
  reason: string;
}

export interface OfflineOptions {
  /** "Now" for relative time ranges; injected so tests are deterministic. */
  now: Date;
  /** LIMIT to put on row-returning queries when the question names none. */
  defaultLimit: number;
}

const GENERIC_SUGGESTIONS = ['Try e.g. "number of <table> per <column>", "top 5 <table> by <column>" or "<table> from <value> last month".'];

export function translateOffline(question: string, catalog: Catalog, opts: OfflineOptions): OfflineTranslation | OfflineRefusal {
  const index = buildSchemaIndex(catalog);
  let understood: string[] = [];
  try {
    if (!question.trim()) throw new NotUnderstood("The question is empty.");
    const { frame, time } = understand(index, question, opts.now);
    understood = frame.understood;
    const r = render(index, frame, time, opts.defaultLimit, opts.now.getTime());
    return { kind: "sql", sql: r.sql, interpretation: r.interpretation, tables: r.tables, confidence: r.confidence };
  } catch (err) {
    if (err instanceof NotUnderstood) return { kind: "not_understood", understood: err.understood ?? understood, suggestions: [...err.suggestions, ...GENERIC_SUGGESTIONS], reason: err.message };
    // A bug in the translator must not become a wrong answer: it is a refusal.
    return { kind: "not_understood", understood, suggestions: GENERIC_SUGGESTIONS, reason: `The offline translator could not handle this question (${(err as Error).message}).` };
  }
}
