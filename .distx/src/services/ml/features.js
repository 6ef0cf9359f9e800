function featureKindOf(col) {
  switch (col.kind) {
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "enum":
    case "text":
      return "category";
    case "timestamp":
    case "date":
      return "date";
    default:
      return null;
  }
}
function specOf(col) {
  const kind = featureKindOf(col);
  return { name: col.name, kind, sqlType: col.sqlType, ...col.enumValues ? { categories: col.enumValues } : {} };
}
function defaultFeatures(table, target) {
  const use = [];
  const skipped = [];
  for (const col of table.columns) {
    if (col.name === target) continue;
    if (col.isPrimaryKey) skipped.push({ name: col.name, reason: "primary key" });
    else if (col.isUnique) skipped.push({ name: col.name, reason: "unique column (identifies rows)" });
    else if (col.references) skipped.push({ name: col.name, reason: `foreign key to ${col.references.table} (an identifier, not a quantity); list it in features to use it` });
    else if (!featureKindOf(col)) skipped.push({ name: col.name, reason: `type ${col.sqlType} is not usable as a feature` });
    else use.push(col);
  }
  return { use, skipped };
}
export {
  defaultFeatures,
  featureKindOf,
  specOf
};
