/** Quotes an SQL identifier. Only for names that were already checked against the catalog. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
