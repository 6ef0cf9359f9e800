import { coerce, msToDays } from "./coerce.js";
function featureSlices(prep) {
  const out = [];
  let start = 0;
  for (const f of prep.features) {
    const width = widthOf(f);
    out.push({ name: f.name, start, width });
    start += width;
  }
  return out;
}
function widthOf(f) {
  switch (f.kind) {
    case "number":
      return f.missingIndicator ? 2 : 1;
    case "boolean":
      return 1;
    case "category":
      return f.levels.length + 1;
    case "date":
      return 5;
  }
}
function createEncoder(prep) {
  const levelIndex = /* @__PURE__ */ new Map();
  for (const f of prep.features) if (f.kind === "category") levelIndex.set(f.name, new Map(f.levels.map((l, i) => [l, i])));
  const width = prep.columns.length;
  return (row) => {
    const out = new Array(width).fill(0);
    let i = 0;
    for (const f of prep.features) {
      const raw = row[f.name];
      switch (f.kind) {
        case "number": {
          const v = coerce("number", raw);
          const ok = typeof v === "number";
          out[i] = ((ok ? v : f.fill) - f.mean) / f.std;
          if (f.missingIndicator) out[i + 1] = ok ? 0 : 1;
          i += f.missingIndicator ? 2 : 1;
          break;
        }
        case "boolean": {
          const v = coerce("boolean", raw);
          out[i] = typeof v === "number" ? v : f.fill;
          i += 1;
          break;
        }
        case "category": {
          const v = coerce("category", raw);
          const idx = typeof v === "string" ? levelIndex.get(f.name).get(v) : void 0;
          out[i + (idx ?? f.levels.length)] = 1;
          i += f.levels.length + 1;
          break;
        }
        case "date": {
          const v = coerce("date", raw);
          if (typeof v === "number") {
            const d = new Date(v);
            out[i] = (msToDays(v) - f.meanDays) / f.stdDays;
            out[i + 1] = d.getUTCMonth() / 11;
            out[i + 2] = d.getUTCDay() / 6;
            out[i + 3] = d.getUTCHours() / 23;
            out[i + 4] = 0;
          } else {
            out[i] = (f.fillDays - f.meanDays) / f.stdDays;
            out[i + 4] = 1;
          }
          i += 5;
          break;
        }
      }
    }
    return out;
  };
}
export {
  createEncoder,
  featureSlices
};
