import { describe, expect, it } from "vitest";
import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { ResultCache } from "../../src/services/cache/index.js";
import { canonicalJson } from "../../src/services/cache/canonical-json.js";
import { globToRegExp } from "../../src/services/cache/glob.js";

const log = pino({ level: "silent" });
const memory = (maxEntries = 100, defaultTtlSeconds = 60) => new ResultCache({ maxEntries, defaultTtlSeconds, redis: null, log });
const input = (over: Partial<Parameters<ResultCache["keyFor"]>[0]> = {}) => ({ documentHash: "doc", operationName: "Q", variables: { a: 1, b: [1, { c: 2 }] }, scope: "public", tables: ["orders"], ...over });

describe("result cache (memory)", () => {
  it("keys on document, variables, scope and operation name, not on variable order", () => {
    const c = memory();
    const k = c.keyFor(input());
    expect(c.keyFor(input({ variables: { b: [1, { c: 2 }], a: 1 } }))).toBe(k);
    expect(c.keyFor(input({ variables: { a: 2, b: [1, { c: 2 }] } }))).not.toBe(k);
    expect(c.keyFor(input({ scope: "tenant-b" }))).not.toBe(k);
    expect(c.keyFor(input({ documentHash: "other" }))).not.toBe(k);
    expect(c.keyFor(input({ operationName: "R" }))).not.toBe(k);
    expect(k).toMatch(/^e:Q:/);
  });

  it("misses, stores, hits; a table bump invalidates only entries that read it", async () => {
    const c = memory();
    const orders = input();
    const customers = input({ operationName: "C", tables: ["customers"] });
    const miss = await c.lookup(orders);
    expect(miss.value).toBeUndefined();
    await c.store(miss, { n: 1 });
    await c.store(await c.lookup(customers), { n: 2 });
    expect((await c.lookup(orders)).value).toEqual({ n: 1 });
    expect(await c.invalidateTables(["orders", "orders"])).toBe(1);
    expect((await c.lookup(orders)).value).toBeUndefined();
    expect((await c.lookup(customers)).value).toEqual({ n: 2 });
    const s = await c.stats();
    expect([s.hits, s.misses]).toEqual([2, 3]);
    expect(s.hitRate).toBeCloseTo(0.4);
  });

  it("never serves an answer computed while its table was being written", async () => {
    const c = memory();
    const l = await c.lookup(input());
    await c.invalidateTables(["orders"]);
    await c.store(l, { n: "computed before the write landed" });
    expect((await c.lookup(input())).value).toBeUndefined();
  });

  it("counts LRU evictions and TTL expirations", async () => {
    const c = memory(2, 1);
    for (const name of ["A", "B", "C"]) await c.store(await c.lookup(input({ operationName: name })), { name });
    let s = await c.stats();
    expect([s.size, s.maxSize, s.evictions]).toEqual([2, 2, 1]);
    expect((await c.lookup(input({ operationName: "A" }))).value).toBeUndefined();
    await sleep(1_100);
    expect((await c.lookup(input({ operationName: "C" }))).value).toBeUndefined();
    s = await c.stats();
    expect(s.expirations).toBe(2);
    expect(s.size).toBe(0);
  });

  it("drops entries by operation-name glob", async () => {
    const c = memory();
    for (const name of ["SalesByMonth", "SalesByDay", "Orders"]) await c.store(await c.lookup(input({ operationName: name })), { name });
    expect(await c.invalidatePattern("Sales*")).toBe(2);
    expect((await c.lookup(input({ operationName: "Orders" }))).value).toEqual({ name: "Orders" });
  });
});

describe("cache helpers", () => {
  it("canonical JSON sorts keys at every level and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"e":2,"f":1}]},"b":1}');
  });
  it("globs know only * and ?", () => {
    expect(globToRegExp("Sales.By*").test("Sales.ByMonth")).toBe(true);
    expect(globToRegExp("Sales.By*").test("SalesXByMonth")).toBe(false);
    expect(globToRegExp("A?").test("AB")).toBe(true);
    expect(globToRegExp("A?").test("ABC")).toBe(false);
  });
});
