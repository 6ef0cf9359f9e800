import { toCustomer, toOrder, toOrderItem, toProduct } from "./mappers.js";
const part = (alias, fields) => ({ alias, columns: Object.entries(fields).map(([f, c]) => [f, c, `${alias}.${f}`]) });
const ORDER = part("o", { id: "id", customerId: "customer_id", status: "status", channel: "channel", orderedAt: "ordered_at", total: "total" });
const CUSTOMER = part("c", { id: "id", email: "email", name: "name", country: "country", city: "city", segment: "segment", createdAt: "created_at" });
const ITEM = part("i", { id: "id", orderId: "order_id", productId: "product_id", quantity: "quantity", unitPrice: "unit_price", discount: "discount" });
const PRODUCT = part("p", {
  id: "id",
  sku: "sku",
  name: "name",
  categoryId: "category_id",
  price: "price",
  cost: "cost",
  stock: "stock",
  reorderLevel: "reorder_level",
  active: "active",
  createdAt: "created_at"
});
const selectList = (p) => p.columns.map(([, column, key]) => `${p.alias}.${column} AS "${key}"`).join(", ");
function pieceOf(row, p) {
  if (row[p.columns[0][2]] == null) return null;
  const out = {};
  for (const [field, , key] of p.columns) out[field] = row[key];
  return out;
}
const statements = /* @__PURE__ */ new Map();
function statementFor(customer, items, products) {
  const key = `${+customer}${+items}${+products}`;
  let statement = statements.get(key);
  if (!statement) {
    const cols = [ORDER, customer && CUSTOMER, items && ITEM, products && PRODUCT].filter((part2) => Boolean(part2)).map(selectList).join(", ");
    const text = [
      `SELECT ${cols} FROM orders o`,
      customer ? `LEFT JOIN customers c ON c.id = o.customer_id` : "",
      items ? `LEFT JOIN order_items i ON i.order_id = o.id` : "",
      products ? `LEFT JOIN products p ON p.id = i.product_id` : "",
      `WHERE o.id = $1`,
      items ? `ORDER BY i.id` : ""
    ].filter(Boolean).join(" ");
    statement = { text, name: `kz_order_graph_${key}` };
    statements.set(key, statement);
  }
  return statement;
}
async function loadOrderGraph(db, id, include = {}) {
  const withCustomer = include.customer !== void 0;
  const withItems = include.items !== void 0;
  const withProducts = withItems && include.items.product !== void 0;
  const { text, name } = statementFor(withCustomer, withItems, withProducts);
  const { rows } = await db.query(text, [id], { prepareAs: name });
  const first = rows[0];
  if (!first) return void 0;
  const graph = { order: toOrder(pieceOf(first, ORDER)) };
  if (withCustomer) {
    const customer = pieceOf(first, CUSTOMER);
    if (customer) graph.customer = toCustomer(customer);
  }
  if (withItems) {
    graph.items = [];
    const products = /* @__PURE__ */ new Map();
    for (const r of rows) {
      const item = pieceOf(r, ITEM);
      if (!item) continue;
      graph.items.push(toOrderItem(item));
      const product = withProducts ? pieceOf(r, PRODUCT) : null;
      if (product && !products.has(product.id)) products.set(product.id, toProduct(product));
    }
    if (withProducts) graph.products = [...products.values()];
  }
  return graph;
}
export {
  loadOrderGraph
};
