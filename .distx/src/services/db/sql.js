function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}
export {
  quoteIdent
};
