/** Reads orders for the API: by id, and filtered (status, channel, customer, dates, total), ordered pages. */
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { NotFoundError } from "../errors.js";
import { toOrder } from "./mappers.js";
import { paginate, type PageRequest, type SortSpec } from "./pagination.js";
import type { Direction, OrderNode, Page } from "./types.js";
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

export class OrderService {
  constructor(private readonly prisma: PrismaClient, private readonly maxPageSize: number) {}

  async byId(id: number): Promise<OrderNode> {
    checkId(id);
    const row = await this.prisma.order.findUnique({ where: { id } });
    if (!row) throw new NotFoundError("Order", id);
    return toOrder(row);
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
