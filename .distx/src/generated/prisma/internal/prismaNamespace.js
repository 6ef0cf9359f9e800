import * as runtime from "@prisma/client/runtime/client";
const PrismaClientKnownRequestError = runtime.PrismaClientKnownRequestError;
const PrismaClientUnknownRequestError = runtime.PrismaClientUnknownRequestError;
const PrismaClientRustPanicError = runtime.PrismaClientRustPanicError;
const PrismaClientInitializationError = runtime.PrismaClientInitializationError;
const PrismaClientValidationError = runtime.PrismaClientValidationError;
const sql = runtime.sqltag;
const empty = runtime.empty;
const join = runtime.join;
const raw = runtime.raw;
const Sql = runtime.Sql;
const Decimal = runtime.Decimal;
const getExtensionContext = runtime.Extensions.getExtensionContext;
const prismaVersion = {
  client: "7.10.1",
  engine: "d1b3f377ca835d73fd50954a5e22128b9ebdd6b8"
};
const NullTypes = {
  DbNull: runtime.NullTypes.DbNull,
  JsonNull: runtime.NullTypes.JsonNull,
  AnyNull: runtime.NullTypes.AnyNull
};
const DbNull = runtime.DbNull;
const JsonNull = runtime.JsonNull;
const AnyNull = runtime.AnyNull;
const ModelName = {
  Customer: "Customer",
  Category: "Category",
  Product: "Product",
  Order: "Order",
  OrderItem: "OrderItem",
  Review: "Review",
  Job: "Job",
  RejectedRecordRow: "RejectedRecordRow",
  QueryLog: "QueryLog",
  NlExample: "NlExample",
  MlModel: "MlModel",
  QualityReport: "QualityReport",
  Prediction: "Prediction"
};
const TransactionIsolationLevel = runtime.makeStrictEnum({
  ReadUncommitted: "ReadUncommitted",
  ReadCommitted: "ReadCommitted",
  RepeatableRead: "RepeatableRead",
  Serializable: "Serializable"
});
const CustomerScalarFieldEnum = {
  id: "id",
  email: "email",
  name: "name",
  country: "country",
  city: "city",
  segment: "segment",
  createdAt: "createdAt"
};
const CategoryScalarFieldEnum = {
  id: "id",
  name: "name"
};
const ProductScalarFieldEnum = {
  id: "id",
  sku: "sku",
  name: "name",
  categoryId: "categoryId",
  price: "price",
  cost: "cost",
  stock: "stock",
  reorderLevel: "reorderLevel",
  active: "active",
  createdAt: "createdAt"
};
const OrderScalarFieldEnum = {
  id: "id",
  customerId: "customerId",
  status: "status",
  channel: "channel",
  orderedAt: "orderedAt",
  total: "total"
};
const OrderItemScalarFieldEnum = {
  id: "id",
  orderId: "orderId",
  productId: "productId",
  quantity: "quantity",
  unitPrice: "unitPrice",
  discount: "discount"
};
const ReviewScalarFieldEnum = {
  id: "id",
  productId: "productId",
  customerId: "customerId",
  rating: "rating",
  body: "body",
  createdAt: "createdAt"
};
const JobScalarFieldEnum = {
  id: "id",
  kind: "kind",
  status: "status",
  done: "done",
  total: "total",
  accepted: "accepted",
  rejected: "rejected",
  retried: "retried",
  batches: "batches",
  parameters: "parameters",
  result: "result",
  error: "error",
  message: "message",
  checkpoint: "checkpoint",
  idempotencyKey: "idempotencyKey",
  cancelRequested: "cancelRequested",
  runner: "runner",
  heartbeatAt: "heartbeatAt",
  createdAt: "createdAt",
  startedAt: "startedAt",
  finishedAt: "finishedAt"
};
const RejectedRecordRowScalarFieldEnum = {
  id: "id",
  jobId: "jobId",
  batch: "batch",
  rowIndex: "rowIndex",
  reason: "reason",
  record: "record",
  createdAt: "createdAt"
};
const QueryLogScalarFieldEnum = {
  id: "id",
  queryId: "queryId",
  question: "question",
  normalized: "normalized",
  scope: "scope",
  sql: "sql",
  interpretation: "interpretation",
  source: "source",
  status: "status",
  errorCode: "errorCode",
  errorMessage: "errorMessage",
  rowCount: "rowCount",
  truncated: "truncated",
  cached: "cached",
  tables: "tables",
  translateMs: "translateMs",
  executeMs: "executeMs",
  totalMs: "totalMs",
  llmCalls: "llmCalls",
  llmPromptTokens: "llmPromptTokens",
  llmCompletionTokens: "llmCompletionTokens",
  llmMs: "llmMs",
  catalogVersion: "catalogVersion",
  rating: "rating",
  correctedSql: "correctedSql",
  createdAt: "createdAt"
};
const NlExampleScalarFieldEnum = {
  id: "id",
  question: "question",
  normalized: "normalized",
  sql: "sql",
  interpretation: "interpretation",
  tables: "tables",
  origin: "origin",
  queryId: "queryId",
  uses: "uses",
  createdAt: "createdAt",
  updatedAt: "updatedAt"
};
const MlModelScalarFieldEnum = {
  id: "id",
  name: "name",
  version: "version",
  task: "task",
  algorithm: "algorithm",
  target: "target",
  source: "source",
  featureSchema: "featureSchema",
  preparation: "preparation",
  metrics: "metrics",
  params: "params",
  artifact: "artifact",
  rowsUsed: "rowsUsed",
  trainingMs: "trainingMs",
  status: "status",
  active: "active",
  createdAt: "createdAt"
};
const QualityReportScalarFieldEnum = {
  id: "id",
  tableName: "tableName",
  score: "score",
  rowCount: "rowCount",
  report: "report",
  createdAt: "createdAt"
};
const PredictionScalarFieldEnum = {
  id: "id",
  modelName: "modelName",
  modelVersion: "modelVersion",
  rowKey: "rowKey",
  prediction: "prediction",
  jobId: "jobId",
  createdAt: "createdAt"
};
const SortOrder = {
  asc: "asc",
  desc: "desc"
};
const JsonNullValueInput = {
  JsonNull
};
const NullableJsonNullValueInput = {
  DbNull,
  JsonNull
};
const QueryMode = {
  default: "default",
  insensitive: "insensitive"
};
const NullsOrder = {
  first: "first",
  last: "last"
};
const JsonNullValueFilter = {
  DbNull,
  JsonNull,
  AnyNull
};
const defineExtension = runtime.Extensions.defineExtension;
export {
  AnyNull,
  CategoryScalarFieldEnum,
  CustomerScalarFieldEnum,
  DbNull,
  Decimal,
  JobScalarFieldEnum,
  JsonNull,
  JsonNullValueFilter,
  JsonNullValueInput,
  MlModelScalarFieldEnum,
  ModelName,
  NlExampleScalarFieldEnum,
  NullTypes,
  NullableJsonNullValueInput,
  NullsOrder,
  OrderItemScalarFieldEnum,
  OrderScalarFieldEnum,
  PredictionScalarFieldEnum,
  PrismaClientInitializationError,
  PrismaClientKnownRequestError,
  PrismaClientRustPanicError,
  PrismaClientUnknownRequestError,
  PrismaClientValidationError,
  ProductScalarFieldEnum,
  QualityReportScalarFieldEnum,
  QueryLogScalarFieldEnum,
  QueryMode,
  RejectedRecordRowScalarFieldEnum,
  ReviewScalarFieldEnum,
  SortOrder,
  Sql,
  TransactionIsolationLevel,
  defineExtension,
  empty,
  getExtensionContext,
  join,
  prismaVersion,
  raw,
  sql
};
