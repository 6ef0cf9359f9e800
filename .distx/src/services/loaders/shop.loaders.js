import { Prisma } from "../../generated/prisma/client.js";
import { NotFoundError } from "../errors.js";
import {
  checkFirst,
  decodeCursor,
  encodeCursor,
  toCategory,
  toCustomer,
  toOrder,
  toOrderItem,
  toProduct,
  toReview
} from "../shop/index.js";
import { groupedInKeyOrder, inKeyOrder } from "./batch.js";
const customerOrdersSort = { field: "orderedAt", direction: "DESC" };
function createShopBatchFunctions(prisma, opts) {
  return {
    async customerById(ids) {
      const rows = await prisma.customer.findMany({ where: { id: { in: [...ids] } } });
      return inKeyOrder(ids, rows.map(toCustomer), (r) => r.id, (id) => new NotFoundError("Customer", id));
    },
    async productById(ids) {
      const rows = await prisma.product.findMany({ where: { id: { in: [...ids] } } });
      return inKeyOrder(ids, rows.map(toProduct), (r) => r.id, (id) => new NotFoundError("Product", id));
    },
    async categoryById(ids) {
      const rows = await prisma.category.findMany({ where: { id: { in: [...ids] } } });
      return inKeyOrder(ids, rows.map(toCategory), (r) => r.id, (id) => new NotFoundError("Category", id));
    },
    async itemsByOrderId(orderIds) {
      const rows = await prisma.orderItem.findMany({ where: { orderId: { in: [...orderIds] } }, orderBy: { id: "asc" } });
      return groupedInKeyOrder(orderIds, rows.map(toOrderItem), (r) => r.orderId);
    },
    async reviewsByProductId(productIds) {
      const rows = await prisma.review.findMany({ where: { productId: { in: [...productIds] } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
      return groupedInKeyOrder(productIds, rows.map(toReview), (r) => r.productId);
    },
    async productsByCategoryId(categoryIds) {
      const rows = await prisma.product.findMany({ where: { categoryId: { in: [...categoryIds] } }, orderBy: { id: "asc" } });
      return groupedInKeyOrder(categoryIds, rows.map(toProduct), (r) => r.categoryId);
    },
    async orderCountByCustomerId(customerIds) {
      const rows = await prisma.order.groupBy({ by: ["customerId"], where: { customerId: { in: [...customerIds] } }, _count: { _all: true } });
      const counts = new Map(rows.map((r) => [r.customerId, r._count._all]));
      return customerIds.map((id) => counts.get(id) ?? 0);
    },
    async ordersByCustomer(keys, countOf) {
      const results = new Array(keys.length);
      const groups = /* @__PURE__ */ new Map();
      keys.forEach((k, i) => {
        try {
          checkFirst(k.first, opts.maxPageSize);
          const afterId = k.after ? decodeCursor(k.after, customerOrdersSort) : null;
          const g = `${k.first}|${afterId ?? ""}`;
          if (!groups.has(g)) groups.set(g, { first: k.first, afterId, idx: [] });
          groups.get(g).idx.push(i);
        } catch (err) {
          results[i] = err;
        }
      });
      const pageIds = await Promise.all(
        [...groups.values()].map(async (g) => {
          const customerIds = [...new Set(g.idx.map((i) => keys[i].customerId))];
          const cursor = g.afterId !== null ? Prisma.sql`AND (o.ordered_at, o.id) < (SELECT c.ordered_at, c.id FROM orders c WHERE c.id = ${g.afterId}::int)` : Prisma.empty;
          const rows = await prisma.$queryRaw`
            SELECT s.id, s.customer_id FROM (
              SELECT o.id, o.customer_id,
                     row_number() OVER (PARTITION BY o.customer_id ORDER BY o.ordered_at DESC, o.id DESC) AS rn
              FROM orders o
              WHERE o.customer_id IN (${Prisma.join(customerIds)}) ${cursor}
            ) s WHERE s.rn <= ${g.first + 1}::int ORDER BY s.customer_id, s.rn`;
          const byCustomer = /* @__PURE__ */ new Map();
          for (const r of rows) {
            const c = Number(r.customer_id);
            if (!byCustomer.has(c)) byCustomer.set(c, []);
            byCustomer.get(c).push(Number(r.id));
          }
          return byCustomer;
        })
      );
      const allIds = [...new Set(pageIds.flatMap((m) => [...m.values()].flat()))];
      const orders = allIds.length ? await prisma.order.findMany({ where: { id: { in: allIds } } }) : [];
      const orderById = new Map(orders.map((o) => [o.id, o]));
      [...groups.values()].forEach((g, gi) => {
        for (const i of g.idx) {
          const { customerId, first } = keys[i];
          const ids = pageIds[gi].get(customerId) ?? [];
          const edges = ids.slice(0, first).map((id) => orderById.get(id)).filter((o) => o !== void 0).map((o) => ({ cursor: encodeCursor(o, customerOrdersSort), node: toOrder(o) }));
          results[i] = {
            edges,
            pageInfo: {
              hasNextPage: ids.length > first,
              hasPreviousPage: g.afterId !== null,
              startCursor: edges[0]?.cursor ?? null,
              endCursor: edges.at(-1)?.cursor ?? null
            },
            get totalCount() {
              return countOf(customerId);
            }
          };
        }
      });
      return results;
    }
  };
}
export {
  createShopBatchFunctions,
  customerOrdersSort
};
