import { BadUserInputError } from "../errors.js";
function checkId(id, field = "id") {
  if (!Number.isInteger(id) || id < 1) {
    throw new BadUserInputError(`${field} must be a positive whole number; got ${id}.`, { problems: [{ field, message: "must be >= 1" }] });
  }
}
function checkRange(min, max, minField, maxField, strict = false) {
  if (min === null || min === void 0 || max === null || max === void 0) return;
  const a = min instanceof Date ? min.getTime() : min;
  const b = max instanceof Date ? max.getTime() : max;
  if (strict ? a >= b : a > b) {
    const show = (v) => v instanceof Date ? v.toISOString() : String(v);
    throw new BadUserInputError(
      `${minField} (${show(min)}) must be ${strict ? "before" : "at most"} ${maxField} (${show(max)}). Swap them or widen the range.`,
      { problems: [{ field: minField, message: `must be ${strict ? "before" : "<="} ${maxField}` }] }
    );
  }
}
function checkNonNegative(v, field) {
  if (v !== null && v !== void 0 && !(v >= 0)) {
    throw new BadUserInputError(`${field} must be zero or more; got ${v}.`, { problems: [{ field, message: "must be >= 0" }] });
  }
}
export {
  checkId,
  checkNonNegative,
  checkRange
};
