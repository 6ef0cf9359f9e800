const money = (d) => Number(d.toString());
const toCustomer = (r) => ({ ...r });
const toCategory = (r) => ({ id: r.id, name: r.name });
const toReview = (r) => ({ ...r });
const toProduct = (r) => ({
  ...r,
  price: money(r.price),
  cost: money(r.cost),
  lowStock: r.stock <= r.reorderLevel
});
const toOrder = (r) => ({ ...r, total: money(r.total) });
function toOrderItem(r) {
  const unitPrice = money(r.unitPrice);
  const discount = money(r.discount);
  return {
    ...r,
    unitPrice,
    discount,
    // The same rounding orders.total uses: to cents, half away from zero.
    lineTotal: Math.round(r.quantity * unitPrice * (1 - discount) * 100 + Number.EPSILON) / 100
  };
}
export {
  toCategory,
  toCustomer,
  toOrder,
  toOrderItem,
  toProduct,
  toReview
};
