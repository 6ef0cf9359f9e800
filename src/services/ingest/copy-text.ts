/**
 * Encodes rows for PostgreSQL's `COPY … FROM STDIN` text format (the
 * default format: tab-separated, one row per line, `\N` for NULL). In a
 * value, backslash, tab, newline and carriage return are written as `\\`,
 * `\t`, `\n` and `\r`; everything else, including other control characters
 * and any Unicode, passes through as is (the stream is UTF-8). Escaping every
 * backslash also covers `\.` (the old end-of-data marker) and octal/hex
 * escapes, which COPY would otherwise interpret.
 */

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES = /[\\\t\n\r]/g;
const REPLACEMENT: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value as COPY text; null is `\N` (an empty string stays empty: COPY text keeps the two apart). */
export function copyTextValue(value: string | null): string {
  if (value === null) return "\\N";
  // Most values need no escaping: test first instead of allocating through replace().
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPES, (c) => REPLACEMENT[c]!) : value;
}

/** One row as a COPY text line, newline included. */
export function copyTextLine(values: ReadonlyArray<string | null>): string {
  if (values.length === 0) return "\n";
  let line = copyTextValue(values[0] ?? null);
  for (let i = 1; i < values.length; i++) line += "\t" + copyTextValue(values[i]!);
  return line + "\n";
}
