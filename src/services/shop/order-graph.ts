/**
 * One order and the relations a query selected on it (customer, items, the
 * items' products) in one SQL statement, one round trip. Through the
 * DataLoaders the nested order(id) query cost four statements in three
 * dependent round trips, each through Prisma's query compiler; this is what
 * PostGraphile does for the same query, and what made the gateway CPU-bound.
 *
 * One row: the order's and customer's columns, and the items (with their
 * products) as one JSON array of arrays built by PostgreSQL. A row per item
 * repeated the order and customer and made the driver parse every column of
 * every row into a keyed object; JSON.parse of one array cost under half the
 * CPU per call (measured in-process: ~130 µs against ~250 µs). The pieces map
 * back to the row shapes of types.ts and go through the same mappers as the
 * loaders' rows.
 */
import type { SqlRunner } from "../db/index.js";
import { SHOP_COLUMNS } from "./columns.js";
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
 * Each table's alias and the columns read from it, by the field name the
 * mappers take. The order's and customer's come back as columns aliased
 * "<alias>.<field>"; the items' and products' as positions in each item's
 * JSON array, items first. One list makes the SQL and the mapping.
 */
interface Part {
  alias: string;
  /** [field, column, key of the field in the row, whether it is a timestamp (JSON gives text, the mappers want a Date)] */
  columns: Array<[field: string, column: string, key: string, timestamp: boolean]>;
}
const part = (alias: string, fields: Readonly<Record<string, string>>, timestamps: string[] = []): Part => ({
  alias,
  columns: Object.entries(fields).map(([f, c]) => [f, c, `${alias}.${f}`, timestamps.includes(f)]),
});

const ORDER = part("o", SHOP_COLUMNS.orders);
const CUSTOMER = part("c", SHOP_COLUMNS.customers);
const ITEM = part("i", SHOP_COLUMNS.order_items);
const PRODUCT = part("p", SHOP_COLUMNS.products, ["createdAt"]);

const selectList = (p: Part): string => p.columns.map(([, column, key]) => `${p.alias}.${column} AS "${key}"`).join(", ");
const jsonList = (p: Part): string => p.columns.map(([, column]) => `${p.alias}.${column}`).join(", ");

/** One table's piece of the row, by field name; null when the LEFT JOIN found nothing (every part lists id first). */
function pieceOf<T>(row: Row, p: Part): T | null {
  if (row[p.columns[0]![2]] == null) return null;
  const out: Record<string, unknown> = {};
  for (const [field, , key] of p.columns) out[field] = row[key];
  return out as T;
}

/** One table's piece of an item's JSON array, from position `at`; null when its id is null (no such row). */
function pieceAt<T>(values: unknown[], at: number, p: Part): T | null {
  if (values[at] == null) return null;
  const out: Record<string, unknown> = {};
  p.columns.forEach(([field, , , timestamp], k) => {
    const v = values[at + k];
    // Numbers arrive as JSON numbers (numeric exactly as written), which the mappers take like numeric's text.
    out[field] = timestamp && v != null ? new Date(v as string) : v;
  });
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
    const columns = [ORDER, customer && CUSTOMER].filter((part): part is Part => Boolean(part)).map(selectList);
    if (items) {
      const itemValues = [ITEM, products && PRODUCT].filter((part): part is Part => Boolean(part)).map(jsonList).join(", ");
      const join = products ? ` LEFT JOIN products p ON p.id = i.product_id` : "";
      columns.push(`(SELECT json_agg(json_build_array(${itemValues}) ORDER BY i.id) FROM order_items i${join} WHERE i.order_id = o.id) AS items`);
    }
    const text = [`SELECT ${columns.join(", ")} FROM orders o`, customer ? `LEFT JOIN customers c ON c.id = o.customer_id` : "", `WHERE o.id = $1`]
      .filter(Boolean)
      .join(" ");
    statement = { text, name: `kz_order_graph_json_${key}` };
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
  const row = rows[0];
  if (!row) return undefined;
  const graph: OrderGraph = { order: toOrder(pieceOf<Parameters<typeof toOrder>[0]>(row, ORDER)!) };
  if (withCustomer) {
    const customer = pieceOf<Parameters<typeof toCustomer>[0]>(row, CUSTOMER);
    if (customer) graph.customer = toCustomer(customer);
  }
  if (withItems) {
    graph.items = [];
    const products = new Map<number, ProductNode>();
    const productAt = ITEM.columns.length;
    // No items: json_agg over no rows is NULL.
    for (const values of (row.items as unknown[][] | null) ?? []) {
      graph.items.push(toOrderItem(pieceAt<Parameters<typeof toOrderItem>[0]>(values, 0, ITEM)!));
      const product = withProducts ? pieceAt<Parameters<typeof toProduct>[0]>(values, productAt, PRODUCT) : null;
      if (product && !products.has(product.id)) products.set(product.id, toProduct(product));
    }
    if (withProducts) graph.products = [...products.values()];
  }
  return graph;
}
