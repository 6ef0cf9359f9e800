const SHOP_TABLES = ["customers", "categories", "products", "orders", "order_items", "reviews"];
export {
  SHOP_TABLES
};
