/**
 * The demo tables' columns by the API's field names. The shop's SQL selects
 * them aliased to those names, so every row has the shapes of types.ts and
 * goes through the same mappers.
 */
export const SHOP_COLUMNS = {
  customers: { id: "id", email: "email", name: "name", country: "country", city: "city", segment: "segment", createdAt: "created_at" },
  categories: { id: "id", name: "name" },
  products: { id: "id", sku: "sku", name: "name", categoryId: "category_id", price: "price", cost: "cost", stock: "stock", reorderLevel: "reorder_level", active: "active", createdAt: "created_at" },
  orders: { id: "id", customerId: "customer_id", status: "status", channel: "channel", orderedAt: "ordered_at", total: "total" },
  order_items: { id: "id", orderId: "order_id", productId: "product_id", quantity: "quantity", unitPrice: "unit_price", discount: "discount" },
  reviews: { id: "id", productId: "product_id", customerId: "customer_id", rating: "rating", body: "body", createdAt: "created_at" },
} as const satisfies Record<string, Record<string, string>>;

export type ShopTable = keyof typeof SHOP_COLUMNS;

/** `col AS "field", …` for one table, each column qualified by `alias` when given. */
export function selectFields(table: ShopTable, alias?: string): string {
  return Object.entries(SHOP_COLUMNS[table])
    .map(([field, column]) => `${alias ? `${alias}.` : ""}${column} AS "${field}"`)
    .join(", ");
}
