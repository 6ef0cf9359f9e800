/**
 * Awkward values through GET /export on every backend. PostgreSQL formats rows itself (COPY) and PGlite
 * in Node from a cursor, so each must read back as the same values: spelled out here, and compared
 * across backends when both run.
 */
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames, type BackendName } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";

const ODD = `say "hi", \\o/`;
const COLUMNS = ["id", "label", "padded", "amount", "ratio", "small", "counter", "qty", "flag", "day", "at_tz", "at_local", "doc", "docb", "mood", "tags", "nums", "uid", ODD];
const LABEL = `He said "hi", then left\\ — a\ttab\nnew line\r\nCRLF \x01\x02 ü 😀 \u2028`;
const DOC = `{"b": 1,\n\t"a": [1,\r\n 2], "s": "x\\ny", "b": 3, "big": 12345678901234567890}`;

/** A float8 per row from id 4 on: the SQL, what NDJSON reads back, and PostgreSQL's text in CSV. */
const RATIOS: Array<[sql: string, json: number | null, csv: string]> = [
  ["5e-324", 5e-324, "5e-324"],
  ["'NaN'", null, "NaN"],
  ["0.1::float8 + 0.2::float8", 0.30000000000000004, "0.30000000000000004"],
  ["1.5e-7", 1.5e-7, "1.5e-07"],
  ["1e21", 1e21, "1e+21"],
  ["'-Infinity'", null, "-Infinity"],
  ["123456789.123", 123456789.123, "123456789.123"],
];

async function createTable(t: TestGateway): Promise<void> {
  const db = t.app.services.db;
  await db.query(`CREATE TYPE mood_kind AS ENUM ('plain', 'so "so", ok')`);
  await db.query(
    `CREATE TABLE odd_values (id int PRIMARY KEY, label text, padded char(6), amount numeric(12,4), ratio float8, small real, counter bigint,
       qty smallint, flag boolean, day date, at_tz timestamptz, at_local timestamp, doc json, docb jsonb, mood mood_kind, tags text[], nums int[], uid uuid, "${ODD.replace(/"/g, '""')}" text)`,
  );
  await db.query(`INSERT INTO odd_values VALUES ($1, $2, 'ab', 12.3456, 1e308, 1.1, 9007199254740993, -32768, true, '2025-03-04', '2025-03-04T05:06:07.123456Z',
       '2025-03-04 05:06:07.5', $3, '{"z": {"k": [true, null, "\\u00e9"]}, "a": 1.50}', 'so "so", ok', ARRAY['a,b', 'c"d', NULL], '{1,NULL,-3}', '0b7c1a4e-3f7d-4a55-9d43-2f1b8e6c9a10', '\\.')`, [1, LABEL, DOC]);
  await db.query(`INSERT INTO odd_values VALUES (2, '', '', 'NaN', '-0', 'Infinity', -9223372036854775808, 0, false, 'infinity', 'infinity',
       '1999-12-31 23:59:59.999999', '[]', '""', 'plain', '{}', '{}', '5f0e8c2a-1111-4bbb-8ccc-000000000002', '')`);
  await db.query(`INSERT INTO odd_values (id, small) VALUES (3, '-0')`);
  for (const [i, [sql]] of RATIOS.entries()) await db.query(`INSERT INTO odd_values (id, ratio) VALUES (${4 + i}, ${sql})`);
}

const nulls = Object.fromEntries(COLUMNS.map((c) => [c, null]));
const EXPECTED_NDJSON = [
  {
    id: 1, label: LABEL, padded: "ab    ", amount: 12.3456, ratio: 1e308, small: 1.1, counter: "9007199254740993", qty: -32768, flag: true,
    day: "2025-03-04", at_tz: "2025-03-04T05:06:07.123456Z", at_local: "2025-03-04T05:06:07.500000",
    doc: { b: 3, a: [1, 2], s: "x\ny", big: 12345678901234567890 }, docb: { z: { k: [true, null, "é"] }, a: 1.5 },
    mood: 'so "so", ok', tags: '{"a,b","c\\"d",NULL}', nums: "{1,NULL,-3}", uid: "0b7c1a4e-3f7d-4a55-9d43-2f1b8e6c9a10", [ODD]: "\\.",
  },
  {
    id: 2, label: "", padded: "      ", amount: null, ratio: 0, small: null, counter: "-9223372036854775808", qty: 0, flag: false,
    day: "infinity", at_tz: null, at_local: "1999-12-31T23:59:59.999999", doc: [], docb: "", mood: "plain", tags: "{}", nums: "{}",
    uid: "5f0e8c2a-1111-4bbb-8ccc-000000000002", [ODD]: "",
  },
  { ...nulls, id: 3, small: 0 },
  ...RATIOS.map(([, json], i) => ({ ...nulls, id: 4 + i, ratio: json })),
];
const EXPECTED_CSV = [
  COLUMNS,
  ["1", LABEL, "ab    ", "12.3456", "1e+308", "1.1", "9007199254740993", "-32768", "true", "2025-03-04", "2025-03-04T05:06:07.123456Z",
    "2025-03-04T05:06:07.500000", DOC, '{"a": 1.50, "z": {"k": [true, null, "é"]}}', 'so "so", ok', '{"a,b","c\\"d",NULL}', "{1,NULL,-3}", "0b7c1a4e-3f7d-4a55-9d43-2f1b8e6c9a10", "\\."],
  ["2", "", "      ", "NaN", "-0", "Infinity", "-9223372036854775808", "0", "false", "infinity", "", "1999-12-31T23:59:59.999999", "[]", '""', "plain", "{}", "{}",
    "5f0e8c2a-1111-4bbb-8ccc-000000000002", ""],
  COLUMNS.map((c) => ({ id: "3", small: "-0" })[c] ?? ""),
  ...RATIOS.map(([, , csv], i) => COLUMNS.map((c) => ({ id: String(4 + i), ratio: csv })[c] ?? "")),
];

describe("export of awkward values", () => {
  const backends = backendNames();
  const gateways = new Map<BackendName, TestGateway>();
  beforeAll(async () => {
    for (const backend of backends) {
      const t = await startTestGateway(backend);
      gateways.set(backend, t);
      await createTable(t);
    }
  });
  afterAll(async () => {
    for (const t of gateways.values()) await t.close();
  });

  const download = async (backend: BackendName, format: string) => {
    const res = await fetch(`${gateways.get(backend)!.gateway.url}/export/odd_values?format=${format}`);
    expect(res.status).toBe(200);
    return res.text();
  };
  const ndjson = async (backend: BackendName) => {
    const text = await download(backend, "ndjson");
    expect(text.endsWith("\n")).toBe(true);
    return text.slice(0, -1).split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  };
  const csv = async (backend: BackendName) => parse(await download(backend, "csv")) as string[][];

  it.each(backends)("NDJSON on %s: one line per row, keys in column order, values as JSON types", async (backend) => {
    const rows = await ndjson(backend);
    for (const row of rows) expect(Object.keys(row)).toEqual(COLUMNS);
    expect(rows).toEqual(EXPECTED_NDJSON);
  });

  it.each(backends)("CSV on %s: reads back as the values' texts", async (backend) => {
    expect(await csv(backend)).toEqual(EXPECTED_CSV);
  });

  it.each(backends)("a query that fails at its start on %s still gets a JSON error, not a cut-off 200", async (backend) => {
    const t = gateways.get(backend)!;
    await t.app.services.db.query(`CREATE TABLE too_big (id int PRIMARY KEY, v numeric)`);
    // NDJSON reads numeric as float8, which 1e400 overflows.
    await t.app.services.db.query(`INSERT INTO too_big VALUES (1, 1e400)`);
    const res = await fetch(`${t.gateway.url}/export/too_big`);
    expect(res.status).toBe(500);
    expect(res.headers.get("content-type")).toMatch(/application\/json/);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe("INTERNAL_SERVER_ERROR");
    // The connection that ran the failed COPY is not left in use.
    expect(t.app.services.db.poolStats().inUse).toBe(0);
  });

  it.runIf(backends.length > 1)("every backend's NDJSON parses to the same objects, and its CSV to the same records", async () => {
    const [first, ...others] = backends;
    const ndjsonOfFirst = await ndjson(first!);
    const csvOfFirst = await csv(first!);
    for (const other of others) {
      expect(await ndjson(other)).toEqual(ndjsonOfFirst);
      expect(await csv(other)).toEqual(csvOfFirst);
    }
  });
});
