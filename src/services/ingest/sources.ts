/**
 * Turns an ingest input (inline records, or a spooled NDJSON/CSV file) into
 * a stream of numbered items, reading files incrementally so memory stays
 * flat. Items that cannot even be parsed come out as errors with their line.
 */
import fs from "node:fs";
import readline from "node:readline";
import { parse } from "csv-parse";

export type IngestFormat = "ndjson" | "csv";

export type IngestSourceSpec = { type: "inline"; records: unknown[] } | { type: "file"; path: string; format: IngestFormat };

export interface SourceItem {
  /** Input line number (files, from 1, header counted) or index in `records` (inline, from 0). */
  position: number;
  /** The record, or a parse error when `error` is set. */
  record: unknown;
  error?: string;
  /** True for CSV cells (text, where "" means NULL). */
  fromText: boolean;
}

export async function* readSource(spec: IngestSourceSpec): AsyncGenerator<SourceItem> {
  if (spec.type === "inline") {
    for (let i = 0; i < spec.records.length; i++) yield { position: i, record: spec.records[i], fromText: false };
    return;
  }
  if (spec.format === "ndjson") {
    const lines = readline.createInterface({ input: fs.createReadStream(spec.path, { encoding: "utf8" }), crlfDelay: Infinity });
    let n = 0;
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      try {
        yield { position: n, record: JSON.parse(line), fromText: false };
      } catch (err) {
        yield { position: n, record: line.length > 1000 ? `${line.slice(0, 1000)}…` : line, error: `line is not valid JSON (${(err as Error).message})`, fromText: false };
      }
    }
    return;
  }
  // Without csv-parse's `info` (it copies an info object per record, doubling parse time): lines are
  // counted here — one per record plus the line breaks inside its quoted fields — and empty lines skipped.
  const parser = fs.createReadStream(spec.path).pipe(parse({ relax_column_count: true, relax_quotes: true, bom: true }));
  let header: string[] | null = null;
  let line = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    line++;
    for (let f = 0; f < record.length; f++) {
      const cell = record[f]!;
      for (let i = cell.indexOf("\n"); i >= 0; i = cell.indexOf("\n", i + 1)) line++;
    }
    if (record.length === 1 && record[0] === "") continue;
    if (!header) {
      header = record.map((h) => h.trim());
      continue;
    }
    if (record.length !== header.length) {
      yield { position: line, record, error: `line has ${record.length} fields; the header has ${header.length}`, fromText: true };
      continue;
    }
    const obj: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) obj[header[i]!] = record[i]!;
    yield { position: line, record: obj, fromText: true };
  }
}

/**
 * The items of a source from `consumed` on, in arrays of `size`: one async
 * step per batch downstream instead of one per record (a million-row file
 * otherwise pays several generator hops per line).
 */
export async function* readSourceBatches(spec: IngestSourceSpec, consumed: number, size: number): AsyncGenerator<SourceItem[]> {
  if (spec.type === "inline") {
    for (let i = consumed; i < spec.records.length; i += size) {
      const out: SourceItem[] = [];
      for (let j = i; j < Math.min(spec.records.length, i + size); j++) out.push({ position: j, record: spec.records[j], fromText: false });
      yield out;
    }
    return;
  }
  let seen = 0;
  let buf: SourceItem[] = [];
  for await (const item of readSource(spec)) {
    if (seen++ < consumed) continue;
    buf.push(item);
    if (buf.length >= size) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length) yield buf;
}
