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
  const parser = fs.createReadStream(spec.path).pipe(
    parse({ info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true }),
  );
  let header: string[] | null = null;
  for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (!header) {
      header = row.record.map((h) => h.trim());
      continue;
    }
    if (row.record.length !== header.length) {
      yield { position: row.info.lines, record: row.record, error: `line has ${row.record.length} fields; the header has ${header.length}`, fromText: true };
      continue;
    }
    const record: Record<string, string> = {};
    for (let i = 0; i < header.length; i++) record[header[i]!] = row.record[i]!;
    yield { position: row.info.lines, record, fromText: true };
  }
}
