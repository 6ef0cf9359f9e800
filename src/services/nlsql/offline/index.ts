/**
 * The offline NL→SQL translator: schema-generic, no network, no model. Owned
 * by the nlsql-offline work; this file fixes only the contract the pipeline
 * calls. Until the translator lands it understands nothing (and says so).
 */
import type { Catalog } from "../../catalog/types.js";

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

export function translateOffline(_question: string, _catalog: Catalog, _opts: OfflineOptions): OfflineTranslation | OfflineRefusal {
  return { kind: "not_understood", understood: [], suggestions: [], reason: "the offline translator is not built yet" };
}
