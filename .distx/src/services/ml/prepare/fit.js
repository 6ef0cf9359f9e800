import { coerce, msToDays } from "./coerce.js";
const defaults = { maxLevels: 30, minLevelCount: 2 };
function meanStd(values) {
  if (values.length === 0) return { mean: 0, std: 1 };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / values.length;
  let sq = 0;
  for (const v of values) sq += (v - mean) ** 2;
  const std = Math.sqrt(sq / values.length);
  return { mean, std: std > 1e-12 ? std : 1 };
}
function fitPreparation(rows, specs, options = {}) {
  const opts = { ...defaults, ...options };
  const features = specs.map((spec) => {
    switch (spec.kind) {
      case "number": {
        const values = [];
        let missing = 0;
        for (const r of rows) {
          const v = coerce("number", r[spec.name]);
          if (typeof v === "number") values.push(v);
          else missing++;
        }
        const { mean, std } = meanStd(values);
        return { kind: "number", name: spec.name, mean, std, fill: mean, missingIndicator: missing > 0 };
      }
      case "boolean": {
        let ones = 0;
        let seen = 0;
        for (const r of rows) {
          const v = coerce("boolean", r[spec.name]);
          if (typeof v === "number") {
            seen++;
            ones += v;
          }
        }
        return { kind: "boolean", name: spec.name, fill: seen > 0 && ones * 2 >= seen ? 1 : 0 };
      }
      case "category": {
        const counts = /* @__PURE__ */ new Map();
        for (const r of rows) {
          const v = coerce("category", r[spec.name]);
          if (typeof v === "string") counts.set(v, (counts.get(v) ?? 0) + 1);
        }
        const levels = [...counts.entries()].filter(([, c]) => c >= opts.minLevelCount).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, opts.maxLevels).map(([k]) => k);
        return { kind: "category", name: spec.name, levels };
      }
      case "date": {
        const days = [];
        for (const r of rows) {
          const v = coerce("date", r[spec.name]);
          if (typeof v === "number") days.push(msToDays(v));
        }
        const { mean, std } = meanStd(days);
        return { kind: "date", name: spec.name, meanDays: mean, stdDays: std, fillDays: mean };
      }
    }
  });
  return { version: 1, features, columns: encodedColumns(features) };
}
function encodedColumns(features) {
  const cols = [];
  for (const f of features) {
    switch (f.kind) {
      case "number":
        cols.push(f.name);
        if (f.missingIndicator) cols.push(`${f.name}.missing`);
        break;
      case "boolean":
        cols.push(f.name);
        break;
      case "category":
        for (const l of f.levels) cols.push(`${f.name}=${l}`);
        cols.push(`${f.name}=(other)`);
        break;
      case "date":
        cols.push(`${f.name}.days`, `${f.name}.month`, `${f.name}.dayOfWeek`, `${f.name}.hour`, `${f.name}.missing`);
        break;
    }
  }
  return cols;
}
export {
  encodedColumns,
  fitPreparation
};
