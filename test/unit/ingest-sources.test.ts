import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSourceChunks, type IngestSourceSpec, type SourceItem } from "../../src/services/ingest/sources.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kz-sources-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function csvFile(text: string): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, text);
  return file;
}

/** Every item of a source from `consumed` on, in order (the chunks flattened). */
async function all(spec: IngestSourceSpec, consumed = 0): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const chunk of readSourceChunks(spec, consumed)) out.push(...chunk);
  return out;
}

describe("CSV source positions", () => {
  it("numbers records by their physical line, skipping empty lines and counting line breaks inside quoted fields", async () => {
    const file = csvFile('\ufeffa,b\n1,2\n\n"x\ny",3\n\n4\n5,6\n');
    const items = await all({ type: "file", path: file, format: "csv" });
    expect(items.map((i) => [i.position, i.record, i.error ?? null])).toEqual([
      [2, { a: "1", b: "2" }, null],
      [5, { a: "x\ny", b: "3" }, null],
      [7, ["4"], "line has 1 fields; the header has 2"],
      [8, { a: "5", b: "6" }, null],
    ]);
  });

  it("counts a quoted CRLF line break once in a CRLF file", async () => {
    const file = csvFile('a,b\r\n1,2\r\n\r\n"p\r\nq",3\r\n4,5');
    const items = await all({ type: "file", path: file, format: "csv" });
    expect(items.map((i) => [i.position, i.record])).toEqual([
      [2, { a: "1", b: "2" }],
      [5, { a: "p\r\nq", b: "3" }],
      [6, { a: "4", b: "5" }],
    ]);
  });

  it("reads from a checkpoint on, keeping positions", async () => {
    const file = csvFile("a\n" + Array.from({ length: 7 }, (_, i) => String(i)).join("\n") + "\n");
    expect((await all({ type: "file", path: file, format: "csv" }, 2)).map((i) => i.position)).toEqual([4, 5, 6, 7, 8]);
    expect((await all({ type: "inline", records: [{}, {}, {}, {}, {}] }, 1)).map((i) => i.position)).toEqual([1, 2, 3, 4]);
  });
});
