function toExportTable(t) {
  return {
    schema: t.schema,
    name: t.name,
    modelName: t.modelName ?? t.name,
    columns: t.columns.map((c) => ({ name: c.name, fieldName: c.fieldName ?? c.name, kind: c.kind, sqlType: c.sqlType }))
  };
}
async function loadExportTables(source, fresh = false) {
  if (fresh) source.forget?.();
  const catalog = await source.catalog();
  return catalog.tables.map(toExportTable).sort((a, b) => a.name.localeCompare(b.name) || a.schema.localeCompare(b.schema));
}
export {
  loadExportTables
};
