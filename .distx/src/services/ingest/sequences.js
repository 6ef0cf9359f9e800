import { quoteIdent } from "../db/index.js";
const relationOf = (target) => `${quoteIdent(target.table.schema)}.${quoteIdent(target.table.name)}`;
async function sequenceColumns(db, target) {
  const res = await db.query(
    `SELECT a.attname::text AS column, pg_get_serial_sequence($1, a.attname) AS sequence
     FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped`,
    [relationOf(target)]
  );
  return res.rows.filter((r) => r.sequence !== null);
}
async function advanceSequences(tx, target, sequences, written) {
  for (const s of sequences) {
    if (!written.has(s.column)) continue;
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('kz_ingest_sequence'), hashtext($1))`, [s.sequence]);
    await tx.query(
      `SELECT setval($1::regclass, m) FROM (SELECT max(${quoteIdent(s.column)}) AS m FROM ${relationOf(target)}) AS t
       WHERE m > coalesce(pg_sequence_last_value($1::regclass), 0)`,
      [s.sequence]
    );
  }
}
export {
  advanceSequences,
  sequenceColumns
};
