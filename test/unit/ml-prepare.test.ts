import { describe, expect, it } from "vitest";
import { createEncoder, fitPreparation, inputProblems, type FeatureSpec } from "../../src/services/ml/prepare/index.js";

const specs: FeatureSpec[] = [
  { name: "amount", kind: "number", sqlType: "numeric(10,2)" },
  { name: "vip", kind: "boolean", sqlType: "boolean" },
  { name: "channel", kind: "category", sqlType: "SalesChannel", categories: ["WEB", "MOBILE", "STORE"] },
  { name: "at", kind: "date", sqlType: "timestamp with time zone" },
];

const train = [
  { amount: "10.00", vip: true, channel: "WEB", at: new Date("2024-01-01T10:00:00Z") },
  { amount: "20.00", vip: false, channel: "WEB", at: new Date("2024-03-01T10:00:00Z") },
  { amount: "30.00", vip: true, channel: "MOBILE", at: new Date("2024-05-01T10:00:00Z") },
  { amount: null, vip: true, channel: "MOBILE", at: null },
];

describe("preparation", () => {
  const prep = fitPreparation(train, specs, { minLevelCount: 2 });

  it("learns scaling, levels and fills from the training rows only", () => {
    const amount = prep.features[0]!;
    expect(amount).toMatchObject({ kind: "number", mean: 20, fill: 20, missingIndicator: true });
    expect(prep.features[1]).toMatchObject({ kind: "boolean", fill: 1 });
    // STORE never appeared: no column of its own; it goes to (other) like any unseen label.
    expect(prep.features[2]).toMatchObject({ kind: "category", levels: ["MOBILE", "WEB"] });
    expect(prep.columns).toEqual([
      "amount", "amount.missing", "vip", "channel=MOBILE", "channel=WEB", "channel=(other)",
      "at.days", "at.month", "at.dayOfWeek", "at.hour", "at.missing",
    ]);
  });

  it("encodes standardized numbers, fills missing values and buckets unknown labels", () => {
    const enc = createEncoder(prep);
    const a = enc({ amount: 30, vip: false, channel: "WEB", at: "2024-03-01T10:00:00Z" });
    expect(a[0]).toBeCloseTo(10 / Math.sqrt(200 / 3), 6);
    expect(a.slice(1, 6)).toEqual([0, 0, 0, 1, 0]);
    expect(a[10]).toBe(0);
    const b = enc({ amount: null, vip: null, channel: "FAX", at: null });
    expect(b[0]).toBe(0); // the mean, standardized
    expect(b[1]).toBe(1);
    expect(b[2]).toBe(1); // majority of vip
    expect(b.slice(3, 6)).toEqual([0, 0, 1]);
    expect(b[10]).toBe(1);
    expect(b.every((v) => Number.isFinite(v))).toBe(true);
  });

  it("lists every missing, unknown and wrongly typed field at once", () => {
    const problems = inputProblems(specs, { amount: "lots", channel: 3, colour: "red", at: "yesterday" });
    expect(problems).toEqual([
      { field: "input.amount", message: 'wrong type: expected a number, got "lots"' },
      { field: "input.vip", message: "missing: expected true or false (or null when unknown)" },
      { field: "input.at", message: 'wrong type: expected an ISO date string (2024-05-01T12:00:00Z) or epoch milliseconds, got "yesterday"' },
      { field: "input.colour", message: "unknown field: the model's features are amount, vip, channel, at" },
    ]);
    expect(inputProblems(specs, { amount: 1, vip: null, channel: "NEW", at: 0 })).toEqual([]);
    expect(inputProblems(specs, [1, 2])[0]!.message).toMatch(/expected an object with the fields amount, vip, channel, at; got an array/);
  });
});
