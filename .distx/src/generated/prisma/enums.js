const CustomerSegment = {
  CONSUMER: "CONSUMER",
  SMB: "SMB",
  ENTERPRISE: "ENTERPRISE"
};
const OrderStatus = {
  PENDING: "PENDING",
  PAID: "PAID",
  SHIPPED: "SHIPPED",
  DELIVERED: "DELIVERED",
  CANCELLED: "CANCELLED",
  REFUNDED: "REFUNDED"
};
const SalesChannel = {
  WEB: "WEB",
  MOBILE: "MOBILE",
  STORE: "STORE"
};
export {
  CustomerSegment,
  OrderStatus,
  SalesChannel
};
