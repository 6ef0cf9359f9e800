/** Reads orders for the API: by id, and filtered (status, channel, customer, dates, total), ordered pages. */
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { SqlRunner } from "../db/index.js";
import { NotFoundError } from "../errors.js";
import { toOrder } from "./mappers.js";
import { loadOrderGraph, type OrderInclude } from "./order-graph.js";
import { paginate, type PageRequest, type SortSpec } from "./pagination.js";
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
  constructor(private readonly prisma: PrismaClient, private readonly db: SqlRunner, private readonly maxPageSize: number) {}

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
    const where: Prisma.OrderWhereInput = {};
    if (filter?.statuses != null) where.status = { in: filter.statuses };
    if (filter?.channel != null) where.channel = filter.channel;
    if (filter?.customerId != null) {
      checkId(filter.customerId, "filter.customerId");
      where.customerId = filter.customerId;
    }
    checkRange(filter?.orderedFrom, filter?.orderedTo, "filter.orderedFrom", "filter.orderedTo", true);
    if (filter?.orderedFrom != null || filter?.orderedTo != null) {
      where.orderedAt = { ...(filter.orderedFrom != null && { gte: filter.orderedFrom }), ...(filter.orderedTo != null && { lt: filter.orderedTo }) };
    }
    checkNonNegative(filter?.minTotal, "filter.minTotal");
    checkNonNegative(filter?.maxTotal, "filter.maxTotal");
    checkRange(filter?.minTotal, filter?.maxTotal, "filter.minTotal", "filter.maxTotal");
    if (filter?.minTotal != null || filter?.maxTotal != null) {
      where.total = { ...(filter.minTotal != null && { gte: filter.minTotal }), ...(filter.maxTotal != null && { lte: filter.maxTotal }) };
    }
    const sort: SortSpec = { ...sortFields[order?.field ?? "ID"], direction: order?.direction ?? "ASC" };
    return paginate({
      request: page,
      maxPageSize: this.maxPageSize,
      sort,
      where: where as Record<string, unknown>,
      findMany: (a) => this.prisma.order.findMany(a as Prisma.OrderFindManyArgs),
      count: (a) => this.prisma.order.count(a as Prisma.OrderCountArgs),
      map: toOrder,
    });
  }
}
