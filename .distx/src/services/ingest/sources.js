import fs from "node:fs";
import readline from "node:readline";
import { parse } from "csv-parse";
class CsvLine {
  constructor(position, cells, header) {
    this.position = position;
    this.cells = cells;
    this.header = header;
  }
  position;
  cells;
  header;
  fromText = true;
  obj = null;
  get record() {
    if (!this.obj) {
      const obj = {};
      for (let i = 0; i < this.header.length; i++) obj[this.header[i]] = this.cells[i];
      this.obj = obj;
    }
    return this.obj;
  }
}
async function* streamArrays(stream, size) {
  let buf = [];
  try {
    for (; ; ) {
      let r;
      while (buf.length < size && (r = stream.read()) !== null) buf.push(r);
      if (buf.length >= size) {
        yield buf;
        buf = [];
        continue;
      }
      if (stream.errored) throw stream.errored;
      if (stream.readableEnded) break;
      await new Promise((resolve, reject) => {
        const done = () => {
          cleanup();
          resolve();
        };
        const fail = (err) => {
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
async function* csvItems(path, size) {
  const parser = parse({ relax_column_count: true, relax_quotes: true, bom: true });
  const file = fs.createReadStream(path, { highWaterMark: 64 * 1024 });
  file.on("error", (err) => parser.destroy(err));
  file.pipe(parser);
  let header = null;
  let line = 0;
  try {
    for await (const records of streamArrays(parser, size)) {
      const out = [];
      for (const record of records) {
        line++;
        for (let f = 0; f < record.length; f++) {
          const cell = record[f];
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
async function* ndjsonItems(path, size) {
  const lines = readline.createInterface({ input: fs.createReadStream(path, { encoding: "utf8", highWaterMark: 64 * 1024 }), crlfDelay: Infinity });
  let n = 0;
  let out = [];
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    try {
      out.push({ position: n, record: JSON.parse(line), fromText: false });
    } catch (err) {
      out.push({ position: n, record: line.length > 1e3 ? `${line.slice(0, 1e3)}\u2026` : line, error: `line is not valid JSON (${err.message})`, fromText: false });
    }
    if (out.length >= size) {
      yield out;
      out = [];
    }
  }
  if (out.length) yield out;
}
function fileItems(spec, size) {
  return spec.format === "ndjson" ? ndjsonItems(spec.path, size) : csvItems(spec.path, size);
}
const CHUNK = 1024;
async function* readSourceChunks(spec, consumed) {
  if (spec.type === "inline") {
    for (let i = consumed; i < spec.records.length; i += CHUNK) {
      const out = [];
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
export {
  CsvLine,
  readSourceChunks
};
