/**
 * Reads one feature value from a database row or a JSON input into the kind
 * the model expects. Returns undefined when the value cannot be read as that
 * kind, null when it is missing.
 */
import type { FeatureKind } from "./types.js";

export type Coerced = number | string | null | undefined;

export function coerce(kind: FeatureKind, value: unknown): Coerced {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case "number": {
      if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
      if (typeof value === "bigint") return Number(value);
      if (typeof value === "string" && value.trim() !== "") {
        const n = Number(value);
        return Number.isFinite(n) ? n : undefined;
      }
      if (typeof value === "boolean") return undefined;
      return undefined;
    }
    case "boolean": {
      if (typeof value === "boolean") return value ? 1 : 0;
      if (value === 0 || value === 1) return value;
      if (value === "true" || value === "t") return 1;
      if (value === "false" || value === "f") return 0;
      return undefined;
    }
    case "category": {
      if (typeof value === "string") return value;
      if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
      return undefined;
    }
    case "date": {
      let ms: number;
      if (value instanceof Date) ms = value.getTime();
      else if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}/.test(value)) ms = Date.parse(value);
      else if (typeof value === "number") ms = value;
      else return undefined;
      return Number.isFinite(ms) ? ms : undefined;
    }
  }
}

/** Whole days since 1970-01-01 (fractional), from epoch milliseconds. */
export const msToDays = (ms: number): number => ms / 86_400_000;
