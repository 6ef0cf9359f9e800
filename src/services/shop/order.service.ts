/** Reads orders for the API: by id, and filtered (status, channel, customer, dates, total), ordered pages. */
import type { SqlRunner } from "../db/index.js";
import { NotFoundError } from "../errors.js";
import { SHOP_COLUMNS, selectFields } from "./columns.js";
import { toOrder } from "./mappers.js";
import { loadOrderGraph, type OrderInclude } from "./order-graph.js";
import { Conditions, paginate, type PageRequest, type SortSpec } from "./pagination.js";
import type { CustomerNode, Direction, OrderItemNode, OrderNode, Page, ProductNode } from "./types.js";
import { checkId, checkNonNegative, checkRange } from "./validate.js";

export interface OrderFilterInput {
  statuses?: Array<"PENDING" | "PAID" | "SHIPPED" | "DELIVERED" | "CANCELLED" | "REFUNDED"> | null;
  channel?: "WEB" | "MOBILE" | "STORE" | null;
  customerId?: number | null;
  orderedFrom?: Date | null;
  orderedTo?: Date | null;
  minTotal?: number | null;
  maxTotal?: number | null;
}
export type OrderSortFieldName = "ID" | "ORDERED_AT" | "TOTAL";

const sortFields: Record<OrderSortFieldName, Omit<SortSpec, "direction">> = {
  ID: { field: "id" },
  ORDERED_AT: { field: "orderedAt" },
  TOTAL: { field: "total" },
};

/**
 * Where byId leaves the relations it loaded with the order: the request's
 * DataLoaders (structurally), so the relation field resolvers find them there.
 */
export interface OrderRelationCache {
  customerById: { prime(id: number, customer: CustomerNode): unknown };
  itemsByOrderId: { prime(orderId: number, items: OrderItemNode[]): unknown };
  productById: { prime(id: number, product: ProductNode): unknown };
}

export class OrderService {
  constructor(private readonly db: SqlRunner, private readonly maxPageSize: number) {}

  /**
   * One order, with the relations `include` names loaded in the same statement
   * and primed into `cache` (the field resolvers then send no SQL of their own).
   * Without `include` it reads the order row alone.
   */
  async byId(id: number, opts: { include?: OrderInclude; cache?: OrderRelationCache } = {}): Promise<OrderNode> {
    checkId(id);
    const include = opts.cache ? opts.include : undefined;
    const graph = await loadOrderGraph(this.db, id, include);
    if (!graph) throw new NotFoundError("Order", id);
    const cache = opts.cache;
    if (cache) {
      if (graph.customer) cache.customerById.prime(graph.customer.id, graph.customer);
      if (graph.items) cache.itemsByOrderId.prime(graph.order.id, graph.items);
      for (const p of graph.products ?? []) cache.productById.prime(p.id, p);
    }
    return graph.order;
  }

  async list(filter: OrderFilterInput | null | undefined, order: { field: OrderSortFieldName; direction: Direction } | null | undefined, page: PageRequest): Promise<Page<OrderNode>> {
    const where = new Conditions();
    if (filter?.statuses != null) where.add((p) => `status = ANY(${p(filter.statuses)}::text[]::"OrderStatus"[])`);
    if (filter?.channel != null) where.add((p) => `channel = ${p(filter.channel)}::"SalesChannel"`);
    if (filter?.customerId != null) {
      checkId(filter.customerId, "filter.customerId");
      where.add((p) => `customer_id = ${p(filter.customerId)}::int`);
    }
    checkRange(filter?.orderedFrom, filter?.orderedTo, "filter.orderedFrom", "filter.orderedTo", true);
    if (filter?.orderedFrom != null) where.add((p) => `ordered_at >= ${p(filter.orderedFrom)}::timestamptz`);
    if (filter?.orderedTo != null) where.add((p) => `ordered_at < ${p(filter.orderedTo)}::timestamptz`);
    checkNonNegative(filter?.minTotal, "filter.minTotal");
    checkNonNegative(filter?.maxTotal, "filter.maxTotal");
    checkRange(filter?.minTotal, filter?.maxTotal, "filter.minTotal", "filter.maxTotal");
    if (filter?.minTotal != null) where.add((p) => `total >= ${p(String(filter.minTotal))}::numeric`);
    if (filter?.maxTotal != null) where.add((p) => `total <= ${p(String(filter.maxTotal))}::numeric`);
    const sort: SortSpec = { ...sortFields[order?.field ?? "ID"], direction: order?.direction ?? "ASC" };
    return paginate({
      request: page,
      maxPageSize: this.maxPageSize,
      sort,
      table: "orders",
      columns: SHOP_COLUMNS.orders,
      select: selectFields("orders"),
      where,
      query: (text, params) => this.db.query(text, params),
      map: toOrder,
    });
  }
}
