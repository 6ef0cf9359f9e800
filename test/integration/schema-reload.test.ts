// The API follows DDL without a restart: the gateway runs with a schema factory that derives one root field
// per table from the database (test/helpers/row-count-api.ts), and tables are created, altered and dropped
// while it runs. Checked through the real HTTP gateway and a real graphql-ws client on both backends.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import type { BaseMessage } from "@langchain/core/messages";
import type { Client } from "graphql-ws";
import { backendNames } from "../helpers/backends.js";
import { startTestGateway, type GraphQLResponse, type TestGateway } from "../helpers/gateway.js";
import { ScriptedChatModel, answerWith } from "../helpers/scripted-chat-model.js";
import { rowCountApi } from "../helpers/row-count-api.js";

/** A scripted chat model whose calls can be held at a gate, so a test decides when a job moves on. */
class GatedChatModel extends ScriptedChatModel {
  private gate: { entered: () => void; opened: Promise<void> } | null = null;

  /** The next call waits until `open` is called; `entered` resolves once it is waiting. */
  hold(): { entered: Promise<void>; open: () => void } {
    let open!: () => void;
    let entered!: () => void;
    const enteredP = new Promise<void>((r) => (entered = r));
    const opened = new Promise<void>((r) => (open = r));
    this.gate = { entered, opened };
    return { entered: enteredP, open };
  }

  override async _call(messages: BaseMessage[], options: this["ParsedCallOptions"]): Promise<string> {
    const gate = this.gate;
    if (gate) {
      this.gate = null;
      gate.entered();
      await gate.opened;
    }
    return super._call(messages, options);
  }
}

/** Retries `probe` until it returns a value (not undefined); the test's own timeout bounds the wait. */
async function eventually<T>(probe: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs one operation over graphql-ws and returns its single result. */
function overWebsocket(client: Client, query: string): Promise<GraphQLResponse> {
  return new Promise((resolve, reject) => {
    let result: GraphQLResponse | undefined;
    client.subscribe({ query }, { next: (v) => (result = v as GraphQLResponse), error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))), complete: () => resolve(result!) });
  });
}

const REFRESH = `mutation { refreshSchema { changed version previousVersion tablesAdded tablesRemoved tablesAltered durationMs } }`;

describe.each(backendNames())("schema reload on %s", (backend) => {
  let t: TestGateway;
  const model = new GatedChatModel(answerWith((r) => `label ${String(r.body)}`));

  beforeAll(async () => {
    t = await startTestGateway(backend, { SCHEMA_POLL_MS: "100", NL_TABLES: "widgets", LLM_BATCH_SIZE: "2" }, { schemaFactory: rowCountApi, chatModel: model });
  });
  afterAll(async () => t?.close());

  const db = () => t.app.services.db;
  const queryFields = async () => {
    const data = await t.gql<{ __type: { fields: Array<{ name: string }> } }>(`{ __type(name: "Query") { fields { name } } }`);
    return data.__type.fields.map((f) => f.name);
  };

  it("serves a table created while running without a restart, found by the catalog poll", async () => {
    expect(await queryFields()).not.toContain("rows_widgets");
    const before = await t.gqlError(`{ rows_widgets }`);
    expect(before.message).toMatch(/^Cannot query field "rows_widgets" on type "Query"\./);
    const nlBefore = await t.gql(`{ catalog { tables { name } } }`);
    expect(nlBefore.catalog.tables).toEqual([]);

    await db().query(`CREATE TABLE widgets (id integer PRIMARY KEY, name text NOT NULL)`);
    await db().query(`INSERT INTO widgets VALUES (1, 'a'), (2, 'b'), (3, 'c')`);

    const answer = await eventually(async () => {
      const { body } = await t.request(`{ rows_widgets }`);
      return body.data ? body.data.rows_widgets : undefined;
    });
    expect(answer).toBe("3");
    // Introspection (what GraphiQL reads) and the code-first fields follow the same schema.
    expect(await queryFields()).toEqual(expect.arrayContaining(["rows_widgets", "gatewayInfo", "jobs"]));
    expect((await t.gql(`{ gatewayInfo { version } }`)).gatewayInfo.version).toBe(t.app.services.version);
    // New websocket operations run on the new schema too.
    const ws = await overWebsocket(t.wsClient(), `{ rows_widgets }`);
    expect(ws).toEqual({ data: { rows_widgets: "3" } });
    // The NL catalog was told: it lists the new table without being asked to refresh.
    const nl = await t.gql(`{ catalog { tables { name columns { name } } } }`);
    expect(nl.catalog.tables).toEqual([{ name: "widgets", columns: [{ name: "id" }, { name: "name" }] }]);
  });

  it("refreshSchema rebuilds on demand and says which tables were added, altered and removed", async () => {
    t.app.watchSchema(0); // the poll would otherwise take the changes first
    try {
      await db().query(`CREATE TABLE gadgets (id integer PRIMARY KEY)`);
      const added = (await t.gql(REFRESH)).refreshSchema;
      expect(added).toMatchObject({ changed: true, tablesAdded: ["public.gadgets"], tablesRemoved: [], tablesAltered: [] });
      expect(added.version).not.toBe(added.previousVersion);
      expect(added.version).toBe(t.app.services.schema.version);
      expect((await t.gql(`{ rows_gadgets }`)).rows_gadgets).toBe("0");

      const again = (await t.gql(REFRESH)).refreshSchema;
      expect(again).toMatchObject({ changed: false, version: added.version, previousVersion: added.version, tablesAdded: [], tablesRemoved: [], tablesAltered: [] });

      // A new column changes the table but not this API's fields: reported, and the version stays. The new
      // build is still put in use (its resolvers could differ behind the same fields).
      const builtBefore = t.app.schema;
      const installed: string[] = [];
      const stopListening = t.app.onSchemaChange((c) => installed.push(`${c.previousVersion}→${c.version}`));
      await db().query(`ALTER TABLE gadgets ADD COLUMN colour text`);
      const altered = (await t.gql(REFRESH)).refreshSchema;
      stopListening();
      expect(altered).toMatchObject({ changed: false, version: added.version, tablesAdded: [], tablesRemoved: [], tablesAltered: ["public.gadgets"] });
      expect(t.app.schema).not.toBe(builtBefore);
      expect(installed).toEqual([`${added.version}→${added.version}`]);

      await db().query(`DROP TABLE gadgets`);
      const removed = (await t.gql(REFRESH)).refreshSchema;
      expect(removed).toMatchObject({ changed: true, previousVersion: added.version, tablesAdded: [], tablesRemoved: ["public.gadgets"], tablesAltered: [] });
      expect((await t.gqlError(`{ rows_gadgets }`)).message).toMatch(/^Cannot query field "rows_gadgets" on type "Query"\./);
    } finally {
      t.app.watchSchema(100);
    }
  });

  it("keeps an open jobProgress subscription running across a reload until its job completes", async () => {
    await db().query(`CREATE TABLE notes (id integer PRIMARY KEY, body text NOT NULL)`);
    await db().query(`CREATE TABLE note_labels (id integer PRIMARY KEY, label text)`);
    await db().query(`INSERT INTO notes SELECT i, 'note ' || i FROM generate_series(1, 6) i`);
    await t.gql(REFRESH);

    // The job's first model call waits at the gate: the job is mid-way while the schema changes.
    const gate = model.hold();
    const job = (
      await t.gql(`mutation($input: TransformInput!) { transform(input: $input) { id } }`, {
        input: {
          source: { table: "notes" },
          target: { table: "note_labels" },
          rules: [{ column: "id", from: "id" }, { column: "label", llm: { instruction: "Label the note", inputs: ["body"] } }],
          batchSize: 2,
        },
      })
    ).transform;

    const events: Array<{ status: string; done: number; afterReload: boolean }> = [];
    let reloaded = false;
    let firstEvent!: () => void;
    const attached = new Promise<void>((r) => (firstEvent = r));
    const completed = new Promise<void>((resolve, reject) => {
      t.wsClient().subscribe<{ jobProgress: { status: string; done: number } }>(
        { query: `subscription($id: ID!) { jobProgress(jobId: $id) { status done } }`, variables: { id: job.id } },
        {
          next: (v) => {
            events.push({ ...v.data!.jobProgress, afterReload: reloaded });
            firstEvent();
          },
          error: (e) => reject(e instanceof Error ? e : new Error(JSON.stringify(e))),
          complete: () => resolve(),
        },
      );
    });
    await attached;
    await gate.entered;

    // The watcher polls every 100 ms here, so it may rebuild before refreshSchema does (which then reports
    // no change): either way a new schema is in use after the DDL, which is what the subscription must survive.
    const before = t.app.schema;
    await db().query(`CREATE TABLE during_job (id integer PRIMARY KEY)`);
    await t.gql(REFRESH);
    expect(t.app.schema).not.toBe(before);
    reloaded = true;
    expect((await t.gql(`{ rows_during_job }`)).rows_during_job).toBe("0");
    expect(events.every((e) => e.status !== "SUCCEEDED")).toBe(true);

    gate.open();
    await completed;
    const after = events.filter((e) => e.afterReload);
    expect(after.length).toBeGreaterThan(0);
    expect(after[after.length - 1]).toEqual({ status: "SUCCEEDED", done: 6, afterReload: true });
    expect((await db().query<{ n: string }>(`SELECT count(*)::text AS n FROM note_labels WHERE label = 'label ' || (SELECT body FROM notes WHERE notes.id = note_labels.id)`)).rows[0]!.n).toBe("6");
  });

  it("keeps serving the old schema when a rebuild fails, and says why", async () => {
    const version = t.app.services.schema.version;
    await db().query(`CREATE TABLE "bad name" (id integer)`);
    const failed = await t.request(REFRESH);
    expect(failed.body.data).toBeNull();
    expect(failed.body.errors?.[0]?.extensions?.code).toBe("SCHEMA_BUILD_FAILED");
    expect(failed.body.errors?.[0]?.message).toBe(
      'The API schema could not be rebuilt, so the previous one stays in use: Names must only contain [_a-zA-Z0-9] but "rows_bad name" does not.',
    );
    expect(t.app.services.schema.version).toBe(version);
    expect((await t.gql(`{ rows_widgets }`)).rows_widgets).toBe("3");

    // The poll retries the same catalog state later (backing off) and fails the same way; dropping the table heals it.
    await db().query(`DROP TABLE "bad name"`);
    await db().query(`CREATE TABLE after_failure (id integer PRIMARY KEY)`);
    expect(
      await eventually(async () => {
        const { body } = await t.request(`{ rows_after_failure }`);
        return body.data ? body.data.rows_after_failure : undefined;
      }),
    ).toBe("0");
  });

  it("caches answers of a generated field and drops them when its table is written", async () => {
    const ask = async () => {
      const res = await t.request<{ rows_widgets: string }>(`query WidgetCount { rows_widgets }`);
      return { count: res.body.data?.rows_widgets, cache: res.headers.get("x-cache") };
    };
    await t.app.services.cache.invalidateTables(["widgets"]);
    expect(await ask()).toEqual({ count: "3", cache: "MISS" });
    expect(await ask()).toEqual({ count: "3", cache: "HIT" });

    // A write the cache is not told about: the cached answer stands (it really is served from the cache).
    await db().query(`INSERT INTO widgets VALUES (4, 'd')`);
    expect(await ask()).toEqual({ count: "3", cache: "HIT" });
    await t.app.services.cache.invalidateTables(["widgets"]);
    expect(await ask()).toEqual({ count: "4", cache: "MISS" });
    expect(await ask()).toEqual({ count: "4", cache: "HIT" });

    // The gateway's own write paths invalidate by table, as for the hand-written fields.
    const ingested = await t.gql(`mutation { ingest(table: "widgets", records: [{ id: 5, name: "e" }]) { status accepted } }`);
    expect(ingested.ingest).toEqual({ status: "SUCCEEDED", accepted: 1 });
    expect(await ask()).toEqual({ count: "5", cache: "MISS" });

    // A field of another table is cached under its own table: writing widgets leaves it cached.
    const notes = async () => (await t.request(`{ rows_notes }`)).headers.get("x-cache");
    await notes();
    expect(await notes()).toBe("HIT");
    await t.app.services.cache.invalidateTables(["widgets"]);
    expect(await notes()).toBe("HIT");
  });

  it("lets a replaced schema go, with the queries compiled for it", async () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const collected: string[] = [];
    const registry = new FinalizationRegistry<string>((label) => collected.push(label));
    t.app.watchSchema(0);
    await db().query(`CREATE TABLE first_probe (id integer PRIMARY KEY)`);
    await t.gql(REFRESH);
    // Compiled by graphql-jit and kept (per schema) by the gateway, and kept by Apollo's document store.
    await t.gql(`query Warm { rows_first_probe gatewayInfo { version } }`);
    registry.register(t.app.schema, "replaced schema");

    await db().query(`CREATE TABLE second_probe (id integer PRIMARY KEY)`);
    expect((await t.gql(REFRESH)).refreshSchema.changed).toBe(true);
    t.app.watchSchema(100);
    await t.gql(`query Warm { rows_first_probe rows_second_probe gatewayInfo { version } }`);
    // Finalizers run after a full collection, on a later turn of the event loop: a few rounds at most.
    for (let round = 0; round < 50 && !collected.length; round++) {
      gc();
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(collected, "the replaced schema is still reachable from the gateway (a cache keyed by schema or document that holds it strongly?)").toEqual(["replaced schema"]);
  });
});
