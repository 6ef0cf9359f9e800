/**
 * Applies a learned preparation to one row: the numeric vector the model
 * reads. Missing values get the training fill; unknown labels go to "other".
 */
import { coerce, msToDays } from "./coerce.js";
import type { FeaturePrep, Preparation } from "./types.js";

/** Per-feature slice of the encoded vector: where it starts and how wide it is. */
export function featureSlices(prep: Preparation): Array<{ name: string; start: number; width: number }> {
  const out: Array<{ name: string; start: number; width: number }> = [];
  let start = 0;
  for (const f of prep.features) {
    const width = widthOf(f);
    out.push({ name: f.name, start, width });
    start += width;
  }
  return out;
}

function widthOf(f: FeaturePrep): number {
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

/** Builds a fast encoder: level lookups are maps built once, not searched per row. */
export function createEncoder(prep: Preparation): (row: Record<string, unknown>) => number[] {
  const levelIndex = new Map<string, Map<string, number>>();
  for (const f of prep.features) if (f.kind === "category") levelIndex.set(f.name, new Map(f.levels.map((l, i) => [l, i])));
  const width = prep.columns.length;
  return (row) => {
    const out = new Array<number>(width).fill(0);
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
          const idx = typeof v === "string" ? levelIndex.get(f.name)!.get(v) : undefined;
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
