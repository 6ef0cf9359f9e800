const DEMO_TABLES = ["categories", "customers", "order_items", "orders", "products", "reviews"];
async function countDemoTables(prisma) {
  const [categories, customers, orderItems, orders, products, reviews] = await Promise.all([
    prisma.category.count(),
    prisma.customer.count(),
    prisma.orderItem.count(),
    prisma.order.count(),
    prisma.product.count(),
    prisma.review.count()
  ]);
  const rows = [categories, customers, orderItems, orders, products, reviews];
  return DEMO_TABLES.map((table, i) => ({ table, rows: rows[i] }));
}
export {
  DEMO_TABLES,
  countDemoTables
};
