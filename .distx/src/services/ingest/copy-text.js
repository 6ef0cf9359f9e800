const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES = /[\\\t\n\r]/g;
const REPLACEMENT = { "\\": "\\\\", "	": "\\t", "\n": "\\n", "\r": "\\r" };
const escapeChar = (c) => REPLACEMENT[c];
function copyTextValue(value) {
  if (value === null) return "\\N";
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPES, escapeChar) : value;
}
function copyTextLine(values) {
  const parts = new Array(values.length);
  for (let i = 0; i < values.length; i++) parts[i] = copyTextValue(values[i]);
  return parts.join("	");
}
function copyTextData(lines) {
  return lines.length ? lines.join("\n") + "\n" : "";
}
export {
  copyTextData,
  copyTextLine,
  copyTextValue
};
