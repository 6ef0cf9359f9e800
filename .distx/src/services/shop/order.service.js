import { NotFoundError } from "../errors.js";
import { toOrder } from "./mappers.js";
import { loadOrderGraph } from "./order-graph.js";
import { paginate } from "./pagination.js";
import { checkId, checkNonNegative, checkRange } from "./validate.js";
const sortFields = {
  ID: { field: "id" },
  ORDERED_AT: { field: "orderedAt" },
  TOTAL: { field: "total" }
};
class OrderService {
  constructor(prisma, db, maxPageSize) {
    this.prisma = prisma;
    this.db = db;
    this.maxPageSize = maxPageSize;
  }
  prisma;
  db;
  maxPageSize;
  /**
   * One order, with the relations `include` names loaded in the same statement
   * and primed into `cache` (the field resolvers then send no SQL of their own).
   * Without `include` it reads the order row alone.
   */
  async byId(id, opts = {}) {
    checkId(id);
    const include = opts.cache ? opts.include : void 0;
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
  async list(filter, order, page) {
    const where = {};
    if (filter?.statuses != null) where.status = { in: filter.statuses };
    if (filter?.channel != null) where.channel = filter.channel;
    if (filter?.customerId != null) {
      checkId(filter.customerId, "filter.customerId");
      where.customerId = filter.customerId;
    }
    checkRange(filter?.orderedFrom, filter?.orderedTo, "filter.orderedFrom", "filter.orderedTo", true);
    if (filter?.orderedFrom != null || filter?.orderedTo != null) {
      where.orderedAt = { ...filter.orderedFrom != null && { gte: filter.orderedFrom }, ...filter.orderedTo != null && { lt: filter.orderedTo } };
    }
    checkNonNegative(filter?.minTotal, "filter.minTotal");
    checkNonNegative(filter?.maxTotal, "filter.maxTotal");
    checkRange(filter?.minTotal, filter?.maxTotal, "filter.minTotal", "filter.maxTotal");
    if (filter?.minTotal != null || filter?.maxTotal != null) {
      where.total = { ...filter.minTotal != null && { gte: filter.minTotal }, ...filter.maxTotal != null && { lte: filter.maxTotal } };
    }
    const sort = { ...sortFields[order?.field ?? "ID"], direction: order?.direction ?? "ASC" };
    return paginate({
      request: page,
      maxPageSize: this.maxPageSize,
      sort,
      where,
      findMany: (a) => this.prisma.order.findMany(a),
      count: (a) => this.prisma.order.count(a),
      map: toOrder
    });
  }
}
export {
  OrderService
};
