import { describe, expect, it } from "vitest";
import { Rng } from "../../src/services/seed/prng.js";
import { decodeCursor, encodeCursor, pageWindow, DEFAULT_PAGE_SIZE } from "../../src/services/paging/index.js";

describe("paging: cursors and page windows", () => {
  it("round-trips key values exactly, whatever characters a text key holds", () => {
    const rng = new Rng(42);
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: rng.int(0, 12) }, () => String.fromCodePoint(rng.pick([rng.int(0x20, 0x7e), rng.int(0xa0, 0x2fff), rng.int(0x1f300, 0x1f5ff)]))).join("");
      const big = `${rng.chance(0.5) ? "-" : ""}${rng.int(0, 922337203)}${rng.int(0, 9999999999).toString().padStart(10, "0")}`.replace(/^(-?)0+(?=\d)/, "$1");
      const cursor = encodeCursor("models", [text, big]);
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor("after", cursor, "models", ["text", "bigint"])).toEqual([text, big]);
    }
  });

  it("keeps a timestamp's microseconds", () => {
    const c = encodeCursor("jobs", ["2026-01-01T00:00:00.000007Z", "11111111-1111-4111-8111-111111111111"]);
    expect(decodeCursor("after", c, "jobs", ["timestamptz", "uuid"])).toEqual(["2026-01-01T00:00:00.000007Z", "11111111-1111-4111-8111-111111111111"]);
  });

  it("refuses values that do not fit the key's type, and cursors of other lists", () => {
    const types = ["timestamptz", "uuid"] as const;
    const bad = [
      encodeCursor("jobs", ["2026-01-01 00:00:00+00", "11111111-1111-4111-8111-111111111111"]),
      encodeCursor("jobs", ["2026-01-01T00:00:00.000000Z", "not-a-uuid"]),
      encodeCursor("jobs", ["2026-01-01T00:00:00.000000Z"]),
      Buffer.from(JSON.stringify(["jobs", 1, 2])).toString("base64url"),
      Buffer.from("{}").toString("base64url"),
      "",
      "a+b/c=",
    ];
    for (const c of bad) expect(() => decodeCursor("after", c, "jobs", types), c).toThrow(/not a cursor issued by this API/);
    expect(() => decodeCursor("before", encodeCursor("queryLog", ["5"]), "jobs", types)).toThrow(
      /^before is not a valid cursor \(".*": it was made for queryLog, not for jobs\)\. Pass pageInfo\.startCursor/,
    );
    expect(() => decodeCursor("after", encodeCursor("x", ["2147483648"]), "x", ["int"])).toThrow(/not a cursor issued/);
    expect(() => decodeCursor("after", encodeCursor("x", ["9223372036854775808"]), "x", ["bigint"])).toThrow(/not a cursor issued/);
  });

  it("reads first/last/after/before into a window, with a default size and no clamp", () => {
    const limits = { maxPageSize: 100 };
    expect(pageWindow({}, limits, "x", ["int"])).toEqual({ backward: false, size: DEFAULT_PAGE_SIZE, after: null, before: null });
    expect(pageWindow({}, { maxPageSize: 5 }, "x", ["int"]).size).toBe(5);
    expect(pageWindow({ last: 3, before: encodeCursor("x", ["9"]) }, limits, "x", ["int"])).toEqual({ backward: true, size: 3, after: null, before: ["9"] });
    expect(() => pageWindow({ first: 101 }, limits, "x", ["int"])).toThrow("first must be between 1 and 100 (MAX_PAGE_SIZE); got 101.");
    expect(() => pageWindow({ last: -1 }, limits, "x", ["int"])).toThrow("last must be between 1 and 100 (MAX_PAGE_SIZE); got -1.");
    expect(() => pageWindow({ first: 1, last: 1 }, limits, "x", ["int"])).toThrow(/^Pass first or last, not both/);
    expect(() => pageWindow({ after: "" }, limits, "x", ["int"])).toThrow(/^after is not a valid cursor/);
  });
});
