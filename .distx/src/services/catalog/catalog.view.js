function toCatalogInfo(c) {
  return {
    version: c.version,
    builtAt: c.builtAt,
    tables: c.tables.map((t) => ({
      ...t,
      definitions: Object.entries(t.definitions).map(([term, meaning]) => ({ term, meaning })),
      columns: t.columns.map((col) => ({
        ...col,
        references: col.references ? { schema: col.references.schema ?? t.schema, table: col.references.table, column: col.references.column } : null
      }))
    }))
  };
}
export {
  toCatalogInfo
};
