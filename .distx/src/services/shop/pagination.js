import { BadUserInputError } from "../errors.js";
function checkFirst(first, maxPageSize, argName = "first") {
  if (!Number.isInteger(first) || first < 1 || first > maxPageSize) {
    throw new BadUserInputError(
      `${argName} must be between 1 and ${maxPageSize} (MAX_PAGE_SIZE); got ${first}. Ask for at most ${maxPageSize} and page on with after: pageInfo.endCursor.`,
      { problems: [{ field: argName, message: `must be between 1 and ${maxPageSize}` }], maxPageSize }
    );
  }
}
function encodeCursor(row, spec) {
  return Buffer.from(JSON.stringify([spec.field, row.id])).toString("base64url");
}
function badCursor(cursor, why) {
  const shown = cursor.length > 40 ? `${cursor.slice(0, 40)}\u2026` : cursor;
  return new BadUserInputError(
    `after is not a valid cursor ("${shown}": ${why}). Pass pageInfo.endCursor (or an edge's cursor) from a previous page of the same query, unchanged.`,
    { problems: [{ field: "after", message: why }] }
  );
}
function decodeCursor(cursor, spec) {
  let parsed;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error("not base64url");
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw badCursor(cursor, "not a cursor issued by this API");
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw badCursor(cursor, "not a cursor issued by this API");
  const [field, id] = parsed;
  if (typeof id !== "number" || !Number.isInteger(id) || id < 1) throw badCursor(cursor, "not a cursor issued by this API");
  if (field !== spec.field) throw badCursor(cursor, `it was made for ordering by ${String(field)}, this query orders by ${spec.field}`);
  return id;
}
async function paginate(a) {
  checkFirst(a.request.first, a.maxPageSize);
  const afterId = a.request.after ? decodeCursor(a.request.after, a.sort) : null;
  const dir = a.sort.direction === "ASC" ? "asc" : "desc";
  const orderBy = a.sort.field === "id" ? [{ id: dir }] : [{ [a.sort.field]: dir }, { id: dir }];
  const rows = await a.findMany({
    where: a.where,
    orderBy,
    take: a.request.first + 1,
    ...afterId !== null && { cursor: { id: afterId }, skip: 1 }
  });
  const pageRows = rows.slice(0, a.request.first);
  const edges = pageRows.map((r) => ({ cursor: encodeCursor(r, a.sort), node: a.map(r) }));
  let counted;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > a.request.first,
      hasPreviousPage: afterId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null
    },
    get totalCount() {
      counted ??= a.count({ where: a.where });
      return counted;
    }
  };
}
export {
  checkFirst,
  decodeCursor,
  encodeCursor,
  paginate
};
