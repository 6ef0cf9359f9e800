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

const ORDER_COLS = `o.id AS o_id, o.customer_id AS o_customer_id, o.status AS o_status, o.channel AS o_channel, o.ordered_at AS o_ordered_at, o.total AS o_total`;
const CUSTOMER_COLS = `c.id AS c_id, c.email AS c_email, c.name AS c_name, c.country AS c_country, c.city AS c_city, c.segment AS c_segment, c.created_at AS c_created_at`;
const ITEM_COLS = `i.id AS i_id, i.order_id AS i_order_id, i.product_id AS i_product_id, i.quantity AS i_quantity, i.unit_price AS i_unit_price, i.discount AS i_discount`;
const PRODUCT_COLS = `p.id AS p_id, p.sku AS p_sku, p.name AS p_name, p.category_id AS p_category_id, p.price AS p_price, p.cost AS p_cost, p.stock AS p_stock, p.reorder_level AS p_reorder_level, p.active AS p_active, p.created_at AS p_created_at`;

/**
 * The statement for one include shape; there are only six, so each text is built once and
 * prepared once per connection under its own name (PostgreSQL then skips parsing and planning).
 */
const statements = new Map<string, { text: string; name: string }>();
function statementFor(customer: boolean, items: boolean, products: boolean): { text: string; name: string } {
  const key = `${+customer}${+items}${+products}`;
  let statement = statements.get(key);
  if (!statement) {
    const cols = [ORDER_COLS, customer && CUSTOMER_COLS, items && ITEM_COLS, products && PRODUCT_COLS].filter(Boolean).join(", ");
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

type Row = Record<string, unknown> & { o_id: number };

/** Undefined when the order does not exist. */
export async function loadOrderGraph(db: SqlRunner, id: number, include: OrderInclude = {}): Promise<OrderGraph | undefined> {
  const withCustomer = include.customer !== undefined;
  const withItems = include.items !== undefined;
  const withProducts = withItems && include.items!.product !== undefined;
  const { text, name } = statementFor(withCustomer, withItems, withProducts);
  const { rows } = await db.query<Row>(text, [id], { prepareAs: name });
  const first = rows[0];
  if (!first) return undefined;
  const graph: OrderGraph = {
    order: toOrder({
      id: first.o_id,
      customerId: first.o_customer_id as number,
      status: first.o_status as OrderNode["status"],
      channel: first.o_channel as OrderNode["channel"],
      orderedAt: first.o_ordered_at as Date,
      total: first.o_total as string,
    }),
  };
  if (withCustomer && first.c_id != null) {
    graph.customer = toCustomer({
      id: first.c_id as number,
      email: first.c_email as string,
      name: first.c_name as string,
      country: first.c_country as string,
      city: first.c_city as string,
      segment: first.c_segment as CustomerNode["segment"],
      createdAt: first.c_created_at as Date,
    });
  }
  if (withItems) {
    graph.items = [];
    const products = new Map<number, ProductNode>();
    for (const r of rows) {
      if (r.i_id == null) continue; // an order without items: one row, item columns null
      graph.items.push(
        toOrderItem({
          id: r.i_id as number,
          orderId: r.i_order_id as number,
          productId: r.i_product_id as number,
          quantity: r.i_quantity as number,
          unitPrice: r.i_unit_price as string,
          discount: r.i_discount as string,
        }),
      );
      if (withProducts && r.p_id != null && !products.has(r.p_id as number)) {
        products.set(
          r.p_id as number,
          toProduct({
            id: r.p_id as number,
            sku: r.p_sku as string,
            name: r.p_name as string,
            categoryId: r.p_category_id as number,
            price: r.p_price as string,
            cost: r.p_cost as string,
            stock: r.p_stock as number,
            reorderLevel: r.p_reorder_level as number,
            active: r.p_active as boolean,
            createdAt: r.p_created_at as Date,
          }),
        );
      }
    }
    if (withProducts) graph.products = [...products.values()];
  }
  return graph;
}
