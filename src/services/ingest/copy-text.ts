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
const escapeChar = (c: string) => REPLACEMENT[c]!;

/** One value as COPY text; null is `\N` (an empty string stays empty: COPY text keeps the two apart). */
export function copyTextValue(value: string | null): string {
  if (value === null) return "\\N";
  // Most values need no escaping: test first instead of allocating through replace().
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPES, escapeChar) : value;
}

/**
 * One row as a COPY text line, without its line break (lines are joined with
 * "\n" when the batch is sent). Built with join(), which yields one flat
 * string: `+=` would leave a tree of concatenations holding every value
 * string alive for as long as the line waits for its write.
 */
export function copyTextLine(values: ReadonlyArray<string | null>): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) parts[i] = copyTextValue(values[i]!);
  return parts.join("\t");
}

/** Lines (from copyTextLine) as the data of one COPY: each line ended by "\n". */
export function copyTextData(lines: string[]): string {
  return lines.length ? lines.join("\n") + "\n" : "";
}
