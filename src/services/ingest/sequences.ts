/**
 * Keeps a table's serial and identity sequences ahead of the explicit values
 * a write put into their columns. PostgreSQL does not advance a sequence for
 * a value it did not hand out, so after ingesting rows with their own ids the
 * next row inserted without one (by the application, or the next ingest)
 * would collide with a row we wrote.
 */
import { quoteIdent, type SqlRunner } from "../db/index.js";
import type { WritableTable } from "./tables.js";

export interface SequenceColumn {
  /** SQL column name, e.g. "id". */
  column: string;
  /** The sequence as pg_get_serial_sequence names it, e.g. "public.orders_id_seq". */
  sequence: string;
}

const relationOf = (target: WritableTable) => `${quoteIdent(target.table.schema)}.${quoteIdent(target.table.name)}`;

/** The target's columns that draw their default from a sequence (serial, bigserial, identity). */
export async function sequenceColumns(db: SqlRunner, target: WritableTable): Promise<SequenceColumn[]> {
  const res = await db.query<{ column: string; sequence: string | null }>(
    `SELECT a.attname::text AS column, pg_get_serial_sequence($1, a.attname) AS sequence
     FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    [relationOf(target)],
  );
  return res.rows.filter((r): r is SequenceColumn => r.sequence !== null);
}

/**
 * Moves each sequence whose column was written up to the column's maximum,
 * never back: setval only when the maximum is past what the sequence last
 * handed out. Runs in the batch's transaction, so it commits with the rows.
 *
 * Batches of one job may be written concurrently, and reading the maximum then
 * calling setval is not atomic: a writer that saw a smaller maximum could set
 * the sequence back below another's. A transaction-scoped advisory lock per
 * sequence serializes the step to the commits, and the maximum is read by a
 * statement after the lock is granted (a fresh snapshot under READ COMMITTED),
 * so it includes every batch that committed meanwhile.
 */
export async function advanceSequences(tx: SqlRunner, target: WritableTable, sequences: SequenceColumn[], written: ReadonlySet<string>): Promise<void> {
  for (const s of sequences) {
    if (!written.has(s.column)) continue;
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('kz_ingest_sequence'), hashtext($1))`, [s.sequence]);
    await tx.query(
      `SELECT setval($1::regclass, m) FROM (SELECT max(${quoteIdent(s.column)}) AS m FROM ${relationOf(target)}) AS t
       WHERE m > coalesce(pg_sequence_last_value($1::regclass), 0)`,
      [s.sequence],
    );
  }
}
