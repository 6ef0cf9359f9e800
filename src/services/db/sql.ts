/** Quotes an SQL identifier. Only for names that were already checked against the catalog. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Quotes a string as an SQL literal. The E'' form escapes backslashes itself, so the literal means
 * the same whatever the server's standard_conforming_strings says.
 */
export function quoteLiteral(value: string): string {
  return `E'${value.replace(/\\/g, "\\\\").replace(/'/g, "''")}'`;
}
