/**
 * The data API as the gateway serves it by default (no test factory): it follows DDL without a restart —
 * a table created while running gets its types, lookups, list and mutations, a column added shows up, a
 * table dropped goes away — and a cached answer of a generated field is dropped by a generated mutation.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type TestGateway } from "../helpers/gateway.js";

describe.each(backendNames())("the default data API on %s", (backend) => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway(backend, { SEED_ON_START: "false" });
  });
  afterAll(async () => t?.close());

  const post = async (query: string) => {
    const res = await t.request(query);
    return { cache: res.headers.get("x-cache"), body: res.body };
  };

  it("says what salesSummary needs when the database has no demo shop", async () => {
    const err = await t.gqlError(`{ salesSummary(from: "2025-01-01T00:00:00Z", to: "2025-02-01T00:00:00Z", groupBy: MONTH) { key } }`);
    expect(err.extensions?.code).toBe("NOT_FOUND");
    expect(err.message).toMatch(/^salesSummary reads the demo shop's tables \(.*orders.*\), which this database does not have; create and fill them with `npm run seed`, or query your own tables through the data API\.$/);
  });

  it("serves a table created while running, after refreshSchema, with reads and writes", async () => {
    const before = await post(`{ sensorReadings { totalCount } }`);
    expect(before.body.errors?.[0]?.message).toMatch(/Cannot query field "sensorReadings" on type "Query"/);

    await t.app.services.db.query(`CREATE TABLE public.sensor_readings (id bigserial PRIMARY KEY, sensor text NOT NULL, value numeric(20,6) NOT NULL, taken_at timestamptz NOT NULL DEFAULT now())`);
    const refresh = await t.gql(`mutation { refreshSchema { changed tablesAdded } }`);
    expect(refresh.refreshSchema).toEqual({ changed: true, tablesAdded: ["public.sensor_readings"] });

    const created = await t.gql(`mutation { createSensorReadings(inputs: [{ sensor: "a", value: "12345678901234.123456" }, { sensor: "b", value: "-0.000001" }]) { id sensor value } }`);
    expect(created.createSensorReadings).toEqual([
      { id: "1", sensor: "a", value: "12345678901234.123456" },
      { id: "2", sensor: "b", value: "-0.000001" },
    ]);
    const read = await t.gql(`{ sensorReading(id: "1") { sensor value } missing: sensorReading(id: "99") { id } sensorReadings(filter: { value: { lt: "0" } }) { totalCount nodes { sensor } } }`);
    expect(read).toEqual({ sensorReading: { sensor: "a", value: "12345678901234.123456" }, missing: null, sensorReadings: { totalCount: 1, nodes: [{ sensor: "b" }] } });
  });

  it("follows a column added and a table dropped", async () => {
    await t.app.services.db.query(`CREATE TABLE public.gauges (id int PRIMARY KEY, label text)`);
    await t.gql(`mutation { refreshSchema { changed } }`);
    await t.gql(`mutation { createGauge(input: { id: 1, label: "g" }) { id } }`);
    await t.app.services.db.query(`ALTER TABLE public.gauges ADD COLUMN unit text DEFAULT 'kPa'`);
    expect((await t.gql(`mutation { refreshSchema { tablesAltered } }`)).refreshSchema.tablesAltered).toEqual(["public.gauges"]);
    expect((await t.gql(`{ gauge(id: 1) { label unit } }`)).gauge).toEqual({ label: "g", unit: "kPa" });
    await t.app.services.db.query(`DROP TABLE public.gauges`);
    expect((await t.gql(`mutation { refreshSchema { tablesRemoved } }`)).refreshSchema.tablesRemoved).toEqual(["public.gauges"]);
    expect((await post(`{ gauges { totalCount } }`)).body.errors?.[0]?.message).toMatch(/Cannot query field "gauges"/);
  });

  it("caches a generated read and drops it when a generated mutation writes the table", async () => {
    await t.app.services.db.query(`CREATE TABLE public.notes (id int PRIMARY KEY, body text NOT NULL)`);
    await t.gql(`mutation { refreshSchema { changed } }`);
    await t.gql(`mutation { createNote(input: { id: 1, body: "first" }) { id } }`);
    const q = `{ notes(orderBy: [ID_ASC]) { nodes { body } } }`;
    expect((await post(q)).cache).toBe("MISS");
    const hit = await post(q);
    expect(hit).toEqual({ cache: "HIT", body: expect.objectContaining({ data: { notes: { nodes: [{ body: "first" }] } } }) });
    await t.gql(`mutation { updateNote(id: 1, patch: { body: "second" }) { id } }`);
    const after = await post(q);
    expect(after.cache).toBe("MISS");
    expect(after.body.data).toEqual({ notes: { nodes: [{ body: "second" }] } });
  });
});
