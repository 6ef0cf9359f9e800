import { coerce } from "./coerce.js";
const expected = {
  number: "a number",
  boolean: "true or false",
  category: "a string",
  date: "an ISO date string (2024-05-01T12:00:00Z) or epoch milliseconds"
};
function inputProblems(schema, input, path = "input") {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    return [{ field: path, message: `expected an object with the fields ${schema.map((s) => s.name).join(", ")}; got ${Array.isArray(input) ? "an array" : JSON.stringify(input)}` }];
  }
  const obj = input;
  const problems = [];
  const known = new Set(schema.map((s) => s.name));
  for (const spec of schema) {
    if (!(spec.name in obj)) {
      problems.push({ field: `${path}.${spec.name}`, message: `missing: expected ${expected[spec.kind]} (or null when unknown)` });
      continue;
    }
    const v = obj[spec.name];
    if (v !== null && coerce(spec.kind, v) === void 0) {
      problems.push({ field: `${path}.${spec.name}`, message: `wrong type: expected ${expected[spec.kind]}, got ${JSON.stringify(v)}` });
    }
  }
  for (const key of Object.keys(obj)) {
    if (!known.has(key)) problems.push({ field: `${path}.${key}`, message: `unknown field: the model's features are ${[...known].join(", ")}` });
  }
  return problems;
}
export {
  inputProblems
};
