/** The frame a question is read into, shared by the scanner, the frame builder and the renderer. */
import type { AggFn } from "./lexicon.js";
import type { Metric, Ref } from "./schema-index.js";

export class NotUnderstood extends Error {
  /** Recognised parts of the question, when known at the point of refusal. */
  understood: string[] | null = null;
  constructor(
    reason: string,
    readonly suggestions: string[] = [],
  ) {
    super(reason);
  }
}

export type Item =
  | { k: "ref"; refs: Ref[]; weak: boolean[]; text: string; singular?: boolean; start: number; end: number }
  | { k: "kw"; kw: string; text: string }
  | { k: "num"; n: number; text: string; start: number }
  | { k: "quote"; s: string; text: string }
  | { k: "bucket"; unit: string; text: string };

export type Measure =
  | { kind: "count"; table: string | null; distinctColumn?: { table: string; column: string } }
  | { kind: "agg"; fn: AggFn; table: string; column: string }
  | { kind: "metric"; metric: Metric; fn?: AggFn | "count" };

export type Filter =
  | { kind: "cmp"; table: string; column: string; op: string; values: (string | number)[]; concept?: string }
  | { kind: "like"; table: string; column: string; mode: string; text: string; negated?: boolean }
  | { kind: "pred"; table: string; left: string; op: string; right: string; label: string; negated?: boolean }
  | { kind: "null"; table: string; column: string }
  | { kind: "absent"; table: string }
  | { kind: "having"; table: string; op: string; n: number };

export type Group = { kind: "column"; table: string; column: string } | { kind: "table"; table: string } | { kind: "bucket"; unit: string };

export interface Frame {
  mentions: string[];
  measure: Measure | null;
  groups: Group[];
  rank: { dir: "desc" | "asc"; n: number | null; by: Measure | null; concept: string | null; columnGroup?: { table: string; column: string } } | null;
  recency: { dir: "desc" | "asc"; n: number | null } | null;
  filters: Filter[];
  dateHint: { table: string; column: string } | null;
  understood: string[];
  /** The first table was named in the singular ("the latest order"): one row is wanted. */
  subjectSingular: boolean;
  /** Columns named but given no role (neither filter, measure nor grouping). */
  unusedColumns: Set<string>;
  /** "sold", "bought": the question is about sale events, not the subject's own dates. */
  eventVerb: boolean;
  /** "genres with more than 5 books": a condition on each group's count. */
  having: { op: string; n: number } | null;
  /** A column ranked by with no aggregate word and no known way to combine it: fine when each ranked row has one value, refused otherwise. */
  rankUncombined: string | null;
  /** "sorted by name (descending)". */
  sort: { table: string; column: string; dir: "asc" | "desc" } | null;
  /** Tables named right after "and"/"or" ("customers and orders"): a list of things, never a condition. */
  conjoined: Set<string>;
}

