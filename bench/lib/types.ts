/** The contract between bench/run.ts and a section: a section measures and returns rows. */
import type pg from "pg";
import type { ServerHandle } from "./processes.js";

/** One measured figure, optionally beside a baseline measured in the same run. */
export interface ResultRow {
  section: string;
  metric: string;
  value: number;
  unit: string;
  baseline?: { label: string; value: number };
  /** The goal from the issue, as text (e.g. "≤ 4 ms"); informative, never asserted. */
  target?: string;
  note?: string;
}

export interface BenchContext {
  /** PostgreSQL database holding the demo data at `scale`. */
  databaseUrl: string;
  redisUrl: string | null;
  scale: number;
  /** A pg pool on that database for baselines and lookups (max 10, like the gateway's default). */
  pg: pg.Pool;
  /** The gateway as a child process on the bench database; started once on first use, stopped at the end. */
  gateway(): Promise<ServerHandle>;
  /** `--quick`: shorter runs, for checking a section works rather than for figures. */
  quick: boolean;
  log(message: string): void;
}

export interface BenchSection {
  name: string;
  /** One line for `--list` and the README. */
  description: string;
  run(ctx: BenchContext): Promise<ResultRow[]>;
}
