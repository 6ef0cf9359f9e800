/** Small input checks shared by the shop services; each throws BAD_USER_INPUT naming the field. */
import { BadUserInputError } from "../errors.js";

export function checkId(id: number, field = "id"): void {
  if (!Number.isInteger(id) || id < 1) {
    throw new BadUserInputError(`${field} must be a positive whole number; got ${id}.`, { problems: [{ field, message: "must be >= 1" }] });
  }
}

/** min <= max when both are given. */
export function checkRange(min: number | Date | null | undefined, max: number | Date | null | undefined, minField: string, maxField: string, strict = false): void {
  if (min === null || min === undefined || max === null || max === undefined) return;
  const a = min instanceof Date ? min.getTime() : min;
  const b = max instanceof Date ? max.getTime() : max;
  if (strict ? a >= b : a > b) {
    const show = (v: number | Date) => (v instanceof Date ? v.toISOString() : String(v));
    throw new BadUserInputError(
      `${minField} (${show(min)}) must be ${strict ? "before" : "at most"} ${maxField} (${show(max)}). Swap them or widen the range.`,
      { problems: [{ field: minField, message: `must be ${strict ? "before" : "<="} ${maxField}` }] },
    );
  }
}

export function checkNonNegative(v: number | null | undefined, field: string): void {
  if (v !== null && v !== undefined && !(v >= 0)) {
    throw new BadUserInputError(`${field} must be zero or more; got ${v}.`, { problems: [{ field, message: "must be >= 0" }] });
  }
}
