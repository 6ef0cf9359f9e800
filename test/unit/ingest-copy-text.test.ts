import { describe, expect, it } from "vitest";
import { copyTextData, copyTextLine, copyTextValue } from "../../src/services/ingest/copy-text.js";

/** PostgreSQL's reading of one COPY text field (the rules of copyfrom.c for the default text format), to check the encoder against. */
function decodeField(field: string): string | null {
  if (field === "\\N") return null;
  return field.replace(/\\(.)/gs, (_, c: string) => ({ t: "\t", n: "\n", r: "\r", b: "\b", f: "\f", v: "\v" })[c] ?? c);
}

const decodeData = (data: string) => data.split("\n").slice(0, -1).map((line) => line.split("\t").map(decodeField));

describe("COPY text encoding", () => {
  it("escapes backslash, tab, newline and carriage return, and writes NULL as \\N", () => {
    expect(copyTextValue(null)).toBe("\\N");
    expect(copyTextValue("")).toBe("");
    expect(copyTextValue("plain")).toBe("plain");
    expect(copyTextValue("a\tb")).toBe("a\\tb");
    expect(copyTextValue("l1\nl2\r\nl3\r")).toBe("l1\\nl2\\r\\nl3\\r");
    expect(copyTextValue("C:\\dir\\")).toBe("C:\\\\dir\\\\");
    // The text "\N" is not NULL, and "\." is not the end-of-data marker.
    expect(copyTextValue("\\N")).toBe("\\\\N");
    expect(copyTextValue("\\.")).toBe("\\\\.");
    // Octal and hex escapes are not interpreted once the backslash is escaped.
    expect(copyTextValue("\\101\\x41")).toBe("\\\\101\\\\x41");
  });

  it("passes other control characters and any Unicode through unchanged", () => {
    for (const v of ["\u0001\u0008\u000b\u000c\u001b", "Grüße, 東京, 🚀👩🏽‍💻", "e\u0301", "\u2028\u2029", " leading and trailing "]) expect(copyTextValue(v)).toBe(v);
  });

  it("builds lines and data that decode back to the same values, keeping NULL apart from empty and from the text \\N", () => {
    const rows: Array<Array<string | null>> = [
      ["1", null, "", "\\N"],
      ["tab\there", "new\nline", "cr\rret", "back\\slash"],
      ["\\.", "\t\n\r\\", "🚀", "end\\"],
      [null, null, null, null],
    ];
    const lines = rows.map(copyTextLine);
    for (const line of lines) expect(line).not.toMatch(/[\n\r]/);
    const data = copyTextData(lines);
    expect(data.endsWith("\n")).toBe(true);
    expect(decodeData(data)).toEqual(rows);
    expect(copyTextData([])).toBe("");
  });
});
