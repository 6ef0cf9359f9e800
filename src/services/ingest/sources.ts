/**
 * Turns an ingest input (inline records, or a spooled NDJSON/CSV file) into
 * a stream of numbered items, reading files incrementally so memory stays
 * flat. Items that cannot even be parsed come out as errors with their line.
 */
import fs from "node:fs";
import readline from "node:readline";
import type { Readable } from "node:stream";
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

/**
 * A CSV data line: its cells and the file's header. The record object
 * (header → cell) is built only when something asks for it (a rejected
 * record, the generic validation path); valid lines are validated straight
 * from their cells (see coerce.ts `planHeader`).
 */
export class CsvLine implements SourceItem {
  readonly fromText = true;
  private obj: Record<string, string> | null = null;
  constructor(
    readonly position: number,
    readonly cells: string[],
    readonly header: string[],
  ) {}

  get record(): Record<string, string> {
    if (!this.obj) {
      const obj: Record<string, string> = {};
      for (let i = 0; i < this.header.length; i++) obj[this.header[i]!] = this.cells[i]!;
      this.obj = obj;
    }
    return this.obj;
  }
}

/**
 * The records of an object-mode stream in arrays of up to `size`, drained
 * synchronously between waits: one async step per array instead of one per
 * record (a million-row file otherwise pays a promise hop per line).
 */
async function* streamArrays<T>(stream: Readable, size: number): AsyncGenerator<T[]> {
  let buf: T[] = [];
  try {
    for (;;) {
      let r: T | null;
      while (buf.length < size && (r = stream.read() as T | null) !== null) buf.push(r);
      if (buf.length >= size) {
        yield buf;
        buf = [];
        continue;
      }
      if (stream.errored) throw stream.errored;
      if (stream.readableEnded) break;
      await new Promise<void>((resolve, reject) => {
        const done = () => {
          cleanup();
          resolve();
        };
        const fail = (err: Error) => {
          cleanup();
          reject(err);
        };
        const cleanup = () => {
          stream.off("readable", done);
          stream.off("end", done);
          stream.off("error", fail);
        };
        stream.on("readable", done);
        stream.on("end", done);
        stream.on("error", fail);
      });
    }
    if (buf.length) yield buf;
  } finally {
    stream.destroy();
  }
}

/** Numbered CSV items in arrays of about `size` (a chunk's worth of parsed records). */
async function* csvItems(path: string, size: number): AsyncGenerator<SourceItem[]> {
  // Without csv-parse's `info` (it copies an info object per record, doubling parse time): lines are
  // counted here — one per record plus the line breaks inside its quoted fields — and empty lines skipped.
  const parser = parse({ relax_column_count: true, relax_quotes: true, bom: true });
  // 64 KiB reads: memory stays bounded by the batch being built, not the file.
  const file = fs.createReadStream(path, { highWaterMark: 64 * 1024 });
  file.on("error", (err) => parser.destroy(err));
  file.pipe(parser);
  let header: string[] | null = null;
  let line = 0;
  try {
    for await (const records of streamArrays<string[]>(parser, size)) {
      const out: SourceItem[] = [];
      for (const record of records) {
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
          out.push({ position: line, record, error: `line has ${record.length} fields; the header has ${header.length}`, fromText: true });
          continue;
        }
        out.push(new CsvLine(line, record, header));
      }
      if (out.length) yield out;
    }
  } finally {
    file.destroy();
  }
}

/** NDJSON items in arrays of about `size`: one per non-blank line, unparseable lines as errors with their line number. */
async function* ndjsonItems(path: string, size: number): AsyncGenerator<SourceItem[]> {
  const lines = readline.createInterface({ input: fs.createReadStream(path, { encoding: "utf8", highWaterMark: 64 * 1024 }), crlfDelay: Infinity });
  let n = 0;
  let out: SourceItem[] = [];
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    try {
      out.push({ position: n, record: JSON.parse(line), fromText: false });
    } catch (err) {
      out.push({ position: n, record: line.length > 1000 ? `${line.slice(0, 1000)}…` : line, error: `line is not valid JSON (${(err as Error).message})`, fromText: false });
    }
    if (out.length >= size) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}

function fileItems(spec: Extract<IngestSourceSpec, { type: "file" }>, size: number): AsyncGenerator<SourceItem[]> {
  return spec.format === "ndjson" ? ndjsonItems(spec.path, size) : csvItems(spec.path, size);
}

/** Items per array that readSourceChunks hands on (about one 64 KiB read of a CSV file). */
const CHUNK = 1024;

/**
 * The items of a source from `consumed` on, in arrays as they are parsed (up
 * to about a thousand): one async step per array instead of one per record,
 * and small enough that a consumer validating each array at once lets its
 * parsed lines die young.
 */
export async function* readSourceChunks(spec: IngestSourceSpec, consumed: number): AsyncGenerator<SourceItem[]> {
  if (spec.type === "inline") {
    for (let i = consumed; i < spec.records.length; i += CHUNK) {
      const out: SourceItem[] = [];
      for (let j = i; j < Math.min(spec.records.length, i + CHUNK); j++) out.push({ position: j, record: spec.records[j], fromText: false });
      yield out;
    }
    return;
  }
  let skip = consumed;
  for await (const items of fileItems(spec, CHUNK)) {
    if (skip >= items.length) {
      skip -= items.length;
      continue;
    }
    yield skip > 0 ? items.slice(skip) : items;
    skip = 0;
  }
}
