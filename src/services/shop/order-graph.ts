/**
 * One order and the relations a query selected on it (customer, items, the
 * items' products) in one SQL statement, one round trip. Through the
 * DataLoaders the nested order(id) query cost four statements in three
 * dependent round trips, each through Prisma's query compiler; this is what
 * PostGraphile does for the same query, and what made the gateway CPU-bound.
 *
 * Plain parameterized SQL with LEFT JOINs: one row per item (the order and
 * customer repeated), columns aliased by table so the rows map back to the same
 * shapes Prisma returns and go through the same mappers as the loaders' rows.
 */
import type { SqlRunner } from "../db/index.js";
import { toCustomer, toOrder, toOrderItem, toProduct } from "./mappers.js";
import type { CustomerNode, OrderItemNode, OrderNode, ProductNode } from "./types.js";

/** Which relations of an order to load with it; a key being present means "selected". */
export interface OrderInclude {
  customer?: object;
  items?: { product?: object };
}

export interface OrderGraph {
  order: OrderNode;
  /** Undefined when not included (or, against the foreign key, missing). */
  customer?: CustomerNode;
  /** Undefined when not included; in id order like the itemsByOrderId loader. */
  items?: OrderItemNode[];
  /** The items' distinct products, when included. */
  products?: ProductNode[];
}

/**
 * Each joined table's alias and the columns read from it, by the field name the
 * mappers take. Columns come back aliased "<alias>.<field>", so one list makes
 * both the SELECT and the row's pieces.
 */
interface Part {
  alias: string;
  /** [field, column, key of the field in a joined row] */
  columns: Array<[field: string, column: string, key: string]>;
}
const part = (alias: string, fields: Record<string, string>): Part => ({ alias, columns: Object.entries(fields).map(([f, c]) => [f, c, `${alias}.${f}`]) });

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
  createdAt: "created_at",
});

const selectList = (p: Part): string => p.columns.map(([, column, key]) => `${p.alias}.${column} AS "${key}"`).join(", ");

/** One table's piece of a joined row, by field name; null when the LEFT JOIN found nothing (every part lists id first). */
function pieceOf<T>(row: Row, p: Part): T | null {
  if (row[p.columns[0]![2]] == null) return null;
  const out: Record<string, unknown> = {};
  for (const [field, , key] of p.columns) out[field] = row[key];
  return out as T;
}

/**
 * The statement for one include shape; there are only six, so each text is built once and
 * prepared once per connection under its own name (PostgreSQL then skips parsing and planning).
 */
const statements = new Map<string, { text: string; name: string }>();
function statementFor(customer: boolean, items: boolean, products: boolean): { text: string; name: string } {
  const key = `${+customer}${+items}${+products}`;
  let statement = statements.get(key);
  if (!statement) {
    const cols = [ORDER, customer && CUSTOMER, items && ITEM, products && PRODUCT]
      .filter((part): part is Part => Boolean(part))
      .map(selectList)
      .join(", ");
    const text = [
      `SELECT ${cols} FROM orders o`,
      customer ? `LEFT JOIN customers c ON c.id = o.customer_id` : "",
      items ? `LEFT JOIN order_items i ON i.order_id = o.id` : "",
      products ? `LEFT JOIN products p ON p.id = i.product_id` : "",
      `WHERE o.id = $1`,
      items ? `ORDER BY i.id` : "",
    ]
      .filter(Boolean)
      .join(" ");
    statement = { text, name: `kz_order_graph_${key}` };
    statements.set(key, statement);
  }
  return statement;
}

type Row = Record<string, unknown>;

/** Undefined when the order does not exist. */
export async function loadOrderGraph(db: SqlRunner, id: number, include: OrderInclude = {}): Promise<OrderGraph | undefined> {
  const withCustomer = include.customer !== undefined;
  const withItems = include.items !== undefined;
  const withProducts = withItems && include.items!.product !== undefined;
  const { text, name } = statementFor(withCustomer, withItems, withProducts);
  const { rows } = await db.query<Row>(text, [id], { prepareAs: name });
  const first = rows[0];
  if (!first) return undefined;
  const graph: OrderGraph = { order: toOrder(pieceOf<Parameters<typeof toOrder>[0]>(first, ORDER)!) };
  if (withCustomer) {
    const customer = pieceOf<Parameters<typeof toCustomer>[0]>(first, CUSTOMER);
    if (customer) graph.customer = toCustomer(customer);
  }
  if (withItems) {
    graph.items = [];
    const products = new Map<number, ProductNode>();
    for (const r of rows) {
      const item = pieceOf<Parameters<typeof toOrderItem>[0]>(r, ITEM);
      if (!item) continue; // an order without items: one row, item columns null
      graph.items.push(toOrderItem(item));
      const product = withProducts ? pieceOf<Parameters<typeof toProduct>[0]>(r, PRODUCT) : null;
      if (product && !products.has(product.id)) products.set(product.id, toProduct(product));
    }
    if (withProducts) graph.products = [...products.values()];
  }
  return graph;
}
