import * as runtime from "@prisma/client/runtime/client";
const config = {
  "previewFeatures": [],
  "clientVersion": "7.10.1",
  "engineVersion": "d1b3f377ca835d73fd50954a5e22128b9ebdd6b8",
  "activeProvider": "postgresql",
  "inlineSchema": `// The demo shop. \`///\` doc comments are read by the NL\u2192SQL catalog: put
// synonyms ("Synonyms: \u2026") and definitions ("Definition: \u2026") there.

generator client {
  provider     = "prisma-client"
  output       = "../src/generated/prisma"
  moduleFormat = "esm"
}

datasource db {
  provider = "postgresql"
}

/// Kind of customer account.
enum CustomerSegment {
  CONSUMER
  SMB
  ENTERPRISE
}

/// Lifecycle state of an order. CANCELLED and REFUNDED orders do not count as revenue.
enum OrderStatus {
  PENDING
  PAID
  SHIPPED
  DELIVERED
  CANCELLED
  REFUNDED
}

/// Where an order was placed.
enum SalesChannel {
  WEB
  MOBILE
  STORE
}

/// A person or company that buys from the shop.
/// Synonyms: users, clients, buyers, accounts, shoppers.
model Customer {
  id        Int             @id @default(autoincrement())
  /// Contact e-mail address, unique per customer.
  email     String          @unique
  /// Full name of the customer.
  name      String
  /// ISO 3166-1 alpha-2 country code, e.g. DE for Germany, US for the United States.
  country   String          @db.Char(2)
  /// City of the customer's address.
  city      String
  /// Customer segment: CONSUMER, SMB (small business) or ENTERPRISE.
  segment   CustomerSegment
  /// Signup time: when the customer registered. Synonyms: signed up, joined, registered.
  createdAt DateTime        @default(now()) @map("created_at") @db.Timestamptz(6)
  orders    Order[]
  reviews   Review[]

  @@index([country])
  @@map("customers")
}

/// A product category. Synonyms: departments, product groups.
model Category {
  id       Int       @id @default(autoincrement())
  /// Category name, unique.
  name     String    @unique
  products Product[]

  @@map("categories")
}

/// Something the shop sells. Synonyms: items, goods, SKUs, articles.
model Product {
  id           Int         @id @default(autoincrement())
  /// Stock keeping unit, unique product code.
  sku          String      @unique
  /// Product name.
  name         String
  categoryId   Int         @map("category_id")
  /// List price per unit. Synonyms: list price.
  price        Decimal     @db.Decimal(10, 2)
  /// Unit cost to the shop.
  cost         Decimal     @db.Decimal(10, 2)
  /// Units on hand. Synonyms: inventory, units in stock.
  stock        Int
  /// Reorder level: stock at or below it means "low stock".
  reorderLevel Int         @map("reorder_level")
  /// Whether the product is currently sold. Inactive products are discontinued.
  active       Boolean     @default(true)
  /// When the product was added to the catalogue.
  createdAt    DateTime    @default(now()) @map("created_at") @db.Timestamptz(6)
  category     Category    @relation(fields: [categoryId], references: [id])
  orderItems   OrderItem[]
  reviews      Review[]

  @@index([categoryId])
  @@map("products")
}

/// A customer's order. Synonyms: purchases, sales, transactions.
/// Definition: revenue (also "sales") is the sum of orders.total over orders whose status is not CANCELLED or REFUNDED.
model Order {
  id         Int          @id @default(autoincrement())
  customerId Int          @map("customer_id")
  /// Order status.
  status     OrderStatus
  /// Sales channel the order was placed through.
  channel    SalesChannel
  /// When the order was placed. Synonyms: order date, placed.
  orderedAt  DateTime     @map("ordered_at") @db.Timestamptz(6)
  /// Order total: sum of its items' quantity * unit_price * (1 - discount), rounded to cents. Synonyms: amount, value.
  total      Decimal      @db.Decimal(12, 2)
  customer   Customer     @relation(fields: [customerId], references: [id])
  items      OrderItem[]

  @@index([customerId])
  @@index([orderedAt])
  @@index([status])
  @@map("orders")
}

/// One line of an order. Synonyms: line items, order lines.
model OrderItem {
  id        Int     @id @default(autoincrement())
  orderId   Int     @map("order_id")
  productId Int     @map("product_id")
  /// Units ordered, at least 1.
  quantity  Int
  /// Price per unit at the time of the order.
  unitPrice Decimal @map("unit_price") @db.Decimal(10, 2)
  /// Discount as a fraction from 0 to 1.
  discount  Decimal @default(0) @db.Decimal(4, 3)
  order     Order   @relation(fields: [orderId], references: [id], onDelete: Cascade)
  product   Product @relation(fields: [productId], references: [id])

  @@index([orderId])
  @@index([productId])
  @@map("order_items")
}

/// A customer's review of a product. Synonyms: ratings, feedback.
model Review {
  id         Int      @id @default(autoincrement())
  productId  Int      @map("product_id")
  customerId Int      @map("customer_id")
  /// Star rating from 1 to 5.
  rating     Int
  /// Review text, may be empty.
  body       String?
  /// When the review was written.
  createdAt  DateTime @default(now()) @map("created_at") @db.Timestamptz(6)
  product    Product  @relation(fields: [productId], references: [id])
  customer   Customer @relation(fields: [customerId], references: [id])

  @@index([productId])
  @@index([customerId])
  @@map("reviews")
}

// \u2500\u2500\u2500 Jobs (issue 4): the job engine's state, gateway-own tables \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

/// A unit of bulk work (ingest, transform, batch update, train, \u2026) run in batches.
model Job {
  id              String              @id @default(uuid()) @db.Uuid
  kind            String
  /// QUEUED | RUNNING | SUCCEEDED | PARTIAL | FAILED | CANCELLED
  status          String              @default("QUEUED")
  done            Int                 @default(0)
  total           Int?
  accepted        Int                 @default(0)
  rejected        Int                 @default(0)
  retried         Int                 @default(0)
  batches         Int                 @default(0)
  parameters      Json                @default("{}")
  result          Json?
  error           String?
  message         String?
  checkpoint      Json?
  idempotencyKey  String?             @unique @map("idempotency_key")
  cancelRequested Boolean             @default(false) @map("cancel_requested")
  /// Which process runs it, so a restarted process can tell its own orphans.
  runner          String?
  heartbeatAt     DateTime?           @map("heartbeat_at") @db.Timestamptz(6)
  createdAt       DateTime            @default(now()) @map("created_at") @db.Timestamptz(6)
  startedAt       DateTime?           @map("started_at") @db.Timestamptz(6)
  finishedAt      DateTime?           @map("finished_at") @db.Timestamptz(6)
  rejectedRecords RejectedRecordRow[]

  @@index([status])
  @@index([kind, createdAt])
  @@map("jobs")
}

/// A record a job could not write, with the reason; nothing is dropped silently.
model RejectedRecordRow {
  id        BigInt   @id @default(autoincrement())
  jobId     String   @map("job_id") @db.Uuid
  batch     Int
  /// Row index in the input (0-based) or the input line number for streamed files (1-based).
  rowIndex  Int      @map("row_index")
  reason    String
  record    Json?
  createdAt DateTime @default(now()) @map("created_at") @db.Timestamptz(6)
  job       Job      @relation(fields: [jobId], references: [id], onDelete: Cascade)

  @@index([jobId, id])
  @@map("rejected_records")
}

// ---------------------------------------------------------------------------
// Natural-language questions (nlsql): the question log and verified examples.
// Gateway-own tables: never exposed to NL\u2192SQL.
// ---------------------------------------------------------------------------

/// Every natural-language question asked: what ran, where it came from, how it went.
model QueryLog {
  id                  Int      @id @default(autoincrement())
  queryId             String   @unique @map("query_id")
  question            String
  normalized          String
  scope               String
  sql                 String?
  interpretation      String?
  /// MEMORY, OFFLINE or LLM; null when nothing translated the question.
  source              String?
  /// OK, EXPLAINED or ERROR.
  status              String
  errorCode           String?  @map("error_code")
  errorMessage        String?  @map("error_message")
  rowCount            Int?     @map("row_count")
  truncated           Boolean  @default(false)
  cached              Boolean  @default(false)
  tables              String[] @default([])
  translateMs         Float?   @map("translate_ms")
  executeMs           Float?   @map("execute_ms")
  totalMs             Float    @map("total_ms")
  llmCalls            Int      @default(0) @map("llm_calls")
  llmPromptTokens     Int?     @map("llm_prompt_tokens")
  llmCompletionTokens Int?     @map("llm_completion_tokens")
  llmMs               Float?   @map("llm_ms")
  catalogVersion      String   @map("catalog_version")
  /// The caller's rating through rateAnswer: true correct, false wrong, null not rated.
  rating              Boolean?
  correctedSql        String?  @map("corrected_sql")
  createdAt           DateTime @default(now()) @map("created_at") @db.Timestamptz(6)

  @@index([createdAt])
  @@map("query_log")
}

/// A verified question \u2192 SQL pair: answers repeated questions without translation and guides the LLM.
model NlExample {
  id             Int      @id @default(autoincrement())
  question       String
  /// The normalized question; the memory's exact-match key.
  normalized     String   @unique
  sql            String
  interpretation String?
  tables         String[] @default([])
  /// RATED_CORRECT or CORRECTED.
  origin         String
  queryId        String?  @map("query_id")
  uses           Int      @default(0)
  createdAt      DateTime @default(now()) @map("created_at") @db.Timestamptz(6)
  updatedAt      DateTime @updatedAt @map("updated_at") @db.Timestamptz(6)

  @@map("nl_examples")
}

// \u2500\u2500 Machine learning and data quality (issue 5) \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500

/// A trained model version in the registry: how it was trained, how to prepare its inputs, how good it is, and the model itself.
model MlModel {
  id            Int      @id @default(autoincrement())
  name          String
  /// Increases by one per name, starting at 1.
  version       Int
  /// CLASSIFICATION or REGRESSION.
  task          String
  /// LINEAR, RANDOM_FOREST or GRADIENT_BOOSTING.
  algorithm     String
  target        String
  /// Where the training rows came from (table and filter, or SQL).
  source        Json
  /// The features an input must carry: names, kinds, categories.
  featureSchema Json     @map("feature_schema")
  /// Scaling, encodings and fill values learned on the training split.
  preparation   Json
  metrics       Json
  params        Json
  /// The serialized model (format + base64 bytes).
  artifact      Json
  rowsUsed      Int      @map("rows_used")
  trainingMs    Int      @map("training_ms")
  /// READY, or FAILED with the reason in metrics.
  status        String
  active        Boolean  @default(false)
  createdAt     DateTime @default(now()) @map("created_at") @db.Timestamptz(6)

  @@unique([name, version])
  @@index([name, active])
  @@map("ml_models")
}

/// A stored data quality report for one table; kept so a table's trend can be shown.
model QualityReport {
  id        Int      @id @default(autoincrement())
  tableName String   @map("table_name")
  score     Float
  rowCount  Int      @map("row_count")
  report    Json
  createdAt DateTime @default(now()) @map("created_at") @db.Timestamptz(6)

  @@index([tableName, createdAt])
  @@map("quality_reports")
}

/// One prediction written by a batch inference job.
model Prediction {
  id           BigInt   @id @default(autoincrement())
  modelName    String   @map("model_name")
  modelVersion Int      @map("model_version")
  /// The source row's key (its primary key value, as text).
  rowKey       String   @map("row_key")
  prediction   Json
  jobId        String?  @map("job_id")
  createdAt    DateTime @default(now()) @map("created_at") @db.Timestamptz(6)

  @@index([modelName, modelVersion, rowKey])
  @@index([jobId])
  @@map("predictions")
}
`,
  "runtimeDataModel": {
    "models": {},
    "enums": {},
    "types": {}
  },
  "parameterizationSchema": {
    "strings": [],
    "graph": ""
  }
};
config.runtimeDataModel = JSON.parse('{"models":{"Customer":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"email","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"country","kind":"scalar","type":"String"},{"name":"city","kind":"scalar","type":"String"},{"name":"segment","kind":"enum","type":"CustomerSegment"},{"name":"createdAt","kind":"scalar","type":"DateTime","dbName":"created_at"},{"name":"orders","kind":"object","type":"Order","relationName":"CustomerToOrder"},{"name":"reviews","kind":"object","type":"Review","relationName":"CustomerToReview"}],"dbName":"customers","schema":null},"Category":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"name","kind":"scalar","type":"String"},{"name":"products","kind":"object","type":"Product","relationName":"CategoryToProduct"}],"dbName":"categories","schema":null},"Product":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"sku","kind":"scalar","type":"String"},{"name":"name","kind":"scalar","type":"String"},{"name":"categoryId","kind":"scalar","type":"Int","dbName":"category_id"},{"name":"price","kind":"scalar","type":"Decimal"},{"name":"cost","kind":"scalar","type":"Decimal"},{"name":"stock","kind":"scalar","type":"Int"},{"name":"reorderLevel","kind":"scalar","type":"Int","dbName":"reorder_level"},{"name":"active","kind":"scalar","type":"Boolean"},{"name":"createdAt","kind":"scalar","type":"DateTime","dbName":"created_at"},{"name":"category","kind":"object","type":"Category","relationName":"CategoryToProduct"},{"name":"orderItems","kind":"object","type":"OrderItem","relationName":"OrderItemToProduct"},{"name":"reviews","kind":"object","type":"Review","relationName":"ProductToReview"}],"dbName":"products","schema":null},"Order":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"customerId","kind":"scalar","type":"Int","dbName":"customer_id"},{"name":"status","kind":"enum","type":"OrderStatus"},{"name":"channel","kind":"enum","type":"SalesChannel"},{"name":"orderedAt","kind":"scalar","type":"DateTime","dbName":"ordered_at"},{"name":"total","kind":"scalar","type":"Decimal"},{"name":"customer","kind":"object","type":"Customer","relationName":"CustomerToOrder"},{"name":"items","kind":"object","type":"OrderItem","relationName":"OrderToOrderItem"}],"dbName":"orders","schema":null},"OrderItem":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"orderId","kind":"scalar","type":"Int","dbName":"order_id"},{"name":"productId","kind":"scalar","type":"Int","dbName":"product_id"},{"name":"quantity","kind":"scalar","type":"Int"},{"name":"unitPrice","kind":"scalar","type":"Decimal","dbName":"unit_price"},{"name":"discount","kind":"scalar","type":"Decimal"},{"name":"order","kind":"object","type":"Order","relationName":"OrderToOrderItem"},{"name":"product","kind":"object","type":"Product","relationName":"OrderItemToProduct"}],"dbName":"order_items","schema":null},"Review":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"productId","kind":"scalar","type":"Int","dbName":"product_id"},{"name":"customerId","kind":"scalar","type":"Int","dbName":"customer_id"},{"name":"rating","kind":"scalar","type":"Int"},{"name":"body","kind":"scalar","type":"String"},{"name":"createdAt","kind":"scalar","type":"DateTime","dbName":"created_at"},{"name":"product","kind":"object","type":"Product","relationName":"ProductToReview"},{"name":"customer","kind":"object","type":"Customer","relationName":"CustomerToReview"}],"dbName":"reviews","schema":null},"Job":{"fields":[{"name":"id","kind":"scalar","type":"String"},{"name":"kind","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"done","kind":"scalar","type":"Int"},{"name":"total","kind":"scalar","type":"Int"},{"name":"accepted","kind":"scalar","type":"Int"},{"name":"rejected","kind":"scalar","type":"Int"},{"name":"retried","kind":"scalar","type":"Int"},{"name":"batches","kind":"scalar","type":"Int"},{"name":"parameters","kind":"scalar","type":"Json"},{"name":"result","kind":"scalar","type":"Json"},{"name":"error","kind":"scalar","type":"String"},{"name":"message","kind":"scalar","type":"String"},{"name":"checkpoint","kind":"scalar","type":"Json"},{"name":"idempotencyKey","kind":"scalar","type":"String","dbName":"idempotency_key"},{"name":"cancelRequested","kind":"scalar","type":"Boolean","dbName":"cancel_requested"},{"name":"runner","kind":"scalar","type":"String"},{"name":"heartbeatAt","kind":"scalar","type":"DateTime","dbName":"heartbeat_at"},{"name":"createdAt","kind":"scalar","type":"DateTime","dbName":"created_at"},{"name":"startedAt","kind":"scalar","type":"DateTime","dbName":"started_at"},{"name":"finishedAt","kind":"scalar","type":"DateTime","dbName":"finished_at"},{"name":"rejectedRecords","kind":"object","type":"RejectedRecordRow","relationName":"JobToRejectedRecordRow"}],"dbName":"jobs","schema":null},"RejectedRecordRow":{"fields":[{"name":"id","kind":"scalar","type":"BigInt"},{"name":"jobId","kind":"scalar","type":"String","dbName":"job_id"},{"name":"batch","kind":"scalar","type":"Int"},{"name":"rowIndex","kind":"scalar","type":"Int","dbName":"row_index"},{"name":"reason","kind":"scalar","type":"String"},{"name":"record","kind":"scalar","type":"Json"},{"name":"createdAt","kind":"scalar","type":"DateTime","dbName":"created_at"},{"name":"job","kind":"object","type":"Job","relationName":"JobToRejectedRecordRow"}],"dbName":"rejected_records","schema":null},"QueryLog":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"queryId","kind":"scalar","type":"String","dbName":"query_id"},{"name":"question","kind":"scalar","type":"String"},{"name":"normalized","kind":"scalar","type":"String"},{"name":"scope","kind":"scalar","type":"String"},{"name":"sql","kind":"scalar","type":"String"},{"name":"interpretation","kind":"scalar","type":"String"},{"name":"source","kind":"scalar","type":"String"},{"name":"status","kind":"scalar","type":"String"},{"name":"errorCode","kind":"scalar","type":"String","dbName":"error_code"},{"name":"errorMessage","kind":"scalar","type":"String","dbName":"error_message"},{"name":"rowCount","kind":"scalar","type":"Int","dbName":"row_count"},{"name":"truncated","kind":"scalar","type":"Boolean"},{"name":"cached","kind":"scalar","type":"Boolean"},{"name":"tables","kind":"scalar","type":"String"},{"name":"translateMs","kind":"scalar","type":"Float","dbName":"translate_ms"},{"name":"executeMs","kind":"scalar","type":"Float","dbName":"execute_ms"},{"name":"totalMs","kind":"scalar","type":"Float","dbName":"total_ms"},{"name":"llmCalls","kind":"scalar","type":"Int","dbName":"llm_calls"},{"name":"llmPromptTokens","kind":"scalar","type":"Int","dbName":"llm_prompt_tokens"},{"name":"llmCompletionTokens","kind":"scalar","type":"Int","dbName":"llm_completion_tokens"},{"name":"llmMs","kind":"scalar","type":"Float","dbName":"llm_ms"},{"name":"catalogVersion","kind":"scalar","type":"String","dbName":"catalog_version"},{"name":"rating","kind":"scalar","type":"Boolean"},{"name":"correctedSql","kind":"scalar","type":"String","dbName":"corrected_sql"},{"name":"createdAt","kind":"scalar","type":"DateTime","dbName":"created_at"}],"dbName":"query_log","schema":null},"NlExample":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"question","kind":"scalar","type":"String"},{"name":"normalized","kind":"scalar","type":"String"},{"name":"sql","kind":"scalar","type":"String"},{"name":"interpretation","kind":"scalar","type":"String"},{"name":"tables","kind":"scalar","type":"String"},{"name":"origin","kind":"scalar","type":"String"},{"name":"queryId","kind":"scalar","type":"String","dbName":"query_id"},{"name":"uses","kind":"scalar","type":"Int"},{"name":"createdAt","kind":"scalar","type":"DateTime","dbName":"created_at"},{"name":"updatedAt","kind":"scalar","type":"DateTime","dbName":"updated_at"}],"dbName":"nl_examples","schema":null},"MlModel":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"name","kind":"scalar","type":"String"},{"name":"version","kind":"scalar","type":"Int"},{"name":"task","kind":"scalar","type":"String"},{"name":"algorithm","kind":"scalar","type":"String"},{"name":"target","kind":"scalar","type":"String"},{"name":"source","kind":"scalar","type":"Json"},{"name":"featureSchema","kind":"scalar","type":"Json","dbName":"feature_schema"},{"name":"preparation","kind":"scalar","type":"Json"},{"name":"metrics","kind":"scalar","type":"Json"},{"name":"params","kind":"scalar","type":"Json"},{"name":"artifact","kind":"scalar","type":"Json"},{"name":"rowsUsed","kind":"scalar","type":"Int","dbName":"rows_used"},{"name":"trainingMs","kind":"scalar","type":"Int","dbName":"training_ms"},{"name":"status","kind":"scalar","type":"String"},{"name":"active","kind":"scalar","type":"Boolean"},{"name":"createdAt","kind":"scalar","type":"DateTime","dbName":"created_at"}],"dbName":"ml_models","schema":null},"QualityReport":{"fields":[{"name":"id","kind":"scalar","type":"Int"},{"name":"tableName","kind":"scalar","type":"String","dbName":"table_name"},{"name":"score","kind":"scalar","type":"Float"},{"name":"rowCount","kind":"scalar","type":"Int","dbName":"row_count"},{"name":"report","kind":"scalar","type":"Json"},{"name":"createdAt","kind":"scalar","type":"DateTime","dbName":"created_at"}],"dbName":"quality_reports","schema":null},"Prediction":{"fields":[{"name":"id","kind":"scalar","type":"BigInt"},{"name":"modelName","kind":"scalar","type":"String","dbName":"model_name"},{"name":"modelVersion","kind":"scalar","type":"Int","dbName":"model_version"},{"name":"rowKey","kind":"scalar","type":"String","dbName":"row_key"},{"name":"prediction","kind":"scalar","type":"Json"},{"name":"jobId","kind":"scalar","type":"String","dbName":"job_id"},{"name":"createdAt","kind":"scalar","type":"DateTime","dbName":"created_at"}],"dbName":"predictions","schema":null}},"enums":{},"types":{}}');
config.parameterizationSchema = {
  strings: JSON.parse('["where","orderBy","cursor","customer","order","products","_count","category","orderItems","product","reviews","items","orders","Customer.findUnique","Customer.findUniqueOrThrow","Customer.findFirst","Customer.findFirstOrThrow","Customer.findMany","data","Customer.createOne","Customer.createMany","Customer.createManyAndReturn","Customer.updateOne","Customer.updateMany","Customer.updateManyAndReturn","create","update","Customer.upsertOne","Customer.deleteOne","Customer.deleteMany","having","_avg","_sum","_min","_max","Customer.groupBy","Customer.aggregate","Category.findUnique","Category.findUniqueOrThrow","Category.findFirst","Category.findFirstOrThrow","Category.findMany","Category.createOne","Category.createMany","Category.createManyAndReturn","Category.updateOne","Category.updateMany","Category.updateManyAndReturn","Category.upsertOne","Category.deleteOne","Category.deleteMany","Category.groupBy","Category.aggregate","Product.findUnique","Product.findUniqueOrThrow","Product.findFirst","Product.findFirstOrThrow","Product.findMany","Product.createOne","Product.createMany","Product.createManyAndReturn","Product.updateOne","Product.updateMany","Product.updateManyAndReturn","Product.upsertOne","Product.deleteOne","Product.deleteMany","Product.groupBy","Product.aggregate","Order.findUnique","Order.findUniqueOrThrow","Order.findFirst","Order.findFirstOrThrow","Order.findMany","Order.createOne","Order.createMany","Order.createManyAndReturn","Order.updateOne","Order.updateMany","Order.updateManyAndReturn","Order.upsertOne","Order.deleteOne","Order.deleteMany","Order.groupBy","Order.aggregate","OrderItem.findUnique","OrderItem.findUniqueOrThrow","OrderItem.findFirst","OrderItem.findFirstOrThrow","OrderItem.findMany","OrderItem.createOne","OrderItem.createMany","OrderItem.createManyAndReturn","OrderItem.updateOne","OrderItem.updateMany","OrderItem.updateManyAndReturn","OrderItem.upsertOne","OrderItem.deleteOne","OrderItem.deleteMany","OrderItem.groupBy","OrderItem.aggregate","Review.findUnique","Review.findUniqueOrThrow","Review.findFirst","Review.findFirstOrThrow","Review.findMany","Review.createOne","Review.createMany","Review.createManyAndReturn","Review.updateOne","Review.updateMany","Review.updateManyAndReturn","Review.upsertOne","Review.deleteOne","Review.deleteMany","Review.groupBy","Review.aggregate","job","rejectedRecords","Job.findUnique","Job.findUniqueOrThrow","Job.findFirst","Job.findFirstOrThrow","Job.findMany","Job.createOne","Job.createMany","Job.createManyAndReturn","Job.updateOne","Job.updateMany","Job.updateManyAndReturn","Job.upsertOne","Job.deleteOne","Job.deleteMany","Job.groupBy","Job.aggregate","RejectedRecordRow.findUnique","RejectedRecordRow.findUniqueOrThrow","RejectedRecordRow.findFirst","RejectedRecordRow.findFirstOrThrow","RejectedRecordRow.findMany","RejectedRecordRow.createOne","RejectedRecordRow.createMany","RejectedRecordRow.createManyAndReturn","RejectedRecordRow.updateOne","RejectedRecordRow.updateMany","RejectedRecordRow.updateManyAndReturn","RejectedRecordRow.upsertOne","RejectedRecordRow.deleteOne","RejectedRecordRow.deleteMany","RejectedRecordRow.groupBy","RejectedRecordRow.aggregate","QueryLog.findUnique","QueryLog.findUniqueOrThrow","QueryLog.findFirst","QueryLog.findFirstOrThrow","QueryLog.findMany","QueryLog.createOne","QueryLog.createMany","QueryLog.createManyAndReturn","QueryLog.updateOne","QueryLog.updateMany","QueryLog.updateManyAndReturn","QueryLog.upsertOne","QueryLog.deleteOne","QueryLog.deleteMany","QueryLog.groupBy","QueryLog.aggregate","NlExample.findUnique","NlExample.findUniqueOrThrow","NlExample.findFirst","NlExample.findFirstOrThrow","NlExample.findMany","NlExample.createOne","NlExample.createMany","NlExample.createManyAndReturn","NlExample.updateOne","NlExample.updateMany","NlExample.updateManyAndReturn","NlExample.upsertOne","NlExample.deleteOne","NlExample.deleteMany","NlExample.groupBy","NlExample.aggregate","MlModel.findUnique","MlModel.findUniqueOrThrow","MlModel.findFirst","MlModel.findFirstOrThrow","MlModel.findMany","MlModel.createOne","MlModel.createMany","MlModel.createManyAndReturn","MlModel.updateOne","MlModel.updateMany","MlModel.updateManyAndReturn","MlModel.upsertOne","MlModel.deleteOne","MlModel.deleteMany","MlModel.groupBy","MlModel.aggregate","QualityReport.findUnique","QualityReport.findUniqueOrThrow","QualityReport.findFirst","QualityReport.findFirstOrThrow","QualityReport.findMany","QualityReport.createOne","QualityReport.createMany","QualityReport.createManyAndReturn","QualityReport.updateOne","QualityReport.updateMany","QualityReport.updateManyAndReturn","QualityReport.upsertOne","QualityReport.deleteOne","QualityReport.deleteMany","QualityReport.groupBy","QualityReport.aggregate","Prediction.findUnique","Prediction.findUniqueOrThrow","Prediction.findFirst","Prediction.findFirstOrThrow","Prediction.findMany","Prediction.createOne","Prediction.createMany","Prediction.createManyAndReturn","Prediction.updateOne","Prediction.updateMany","Prediction.updateManyAndReturn","Prediction.upsertOne","Prediction.deleteOne","Prediction.deleteMany","Prediction.groupBy","Prediction.aggregate","AND","OR","NOT","id","modelName","modelVersion","rowKey","prediction","jobId","createdAt","equals","in","notIn","lt","lte","gt","gte","not","contains","startsWith","endsWith","string_contains","string_starts_with","string_ends_with","array_starts_with","array_ends_with","array_contains","tableName","score","rowCount","report","name","version","task","algorithm","target","source","featureSchema","preparation","metrics","params","artifact","rowsUsed","trainingMs","status","active","name_version","question","normalized","sql","interpretation","tables","origin","queryId","uses","updatedAt","has","hasEvery","hasSome","scope","errorCode","errorMessage","truncated","cached","translateMs","executeMs","totalMs","llmCalls","llmPromptTokens","llmCompletionTokens","llmMs","catalogVersion","rating","correctedSql","batch","rowIndex","reason","record","kind","done","total","accepted","rejected","retried","batches","parameters","result","error","message","checkpoint","idempotencyKey","cancelRequested","runner","heartbeatAt","startedAt","finishedAt","every","some","none","productId","customerId","body","orderId","quantity","unitPrice","discount","OrderStatus","SalesChannel","channel","orderedAt","sku","categoryId","price","cost","stock","reorderLevel","email","country","city","CustomerSegment","segment","is","isNot","connectOrCreate","upsert","createMany","set","disconnect","delete","connect","updateMany","deleteMany","increment","decrement","multiply","divide","push"]'),
  graph: "sgWIAdABDAoAALMDACAMAACyAwAg5wEAALADADDoAQAAHAAQ6QEAALADADDqAQIAAAAB8AFAAO4CACGGAgEA6gIAIdsCAQAAAAHcAgEA6gIAId0CAQDqAgAh3wIAALED3wIiAQAAAAEAIAsDAAC2AwAgCwAAugMAIOcBAAC9AwAw6AEAAAMAEOkBAAC9AwAw6gECAOsCACGTAgAAvgPSAiK3AhAAuAMAIcsCAgDrAgAh0wIAAL8D0wIi1AJAAO4CACECAwAAhQUAIAsAAIcFACALAwAAtgMAIAsAALoDACDnAQAAvQMAMOgBAAADABDpAQAAvQMAMOoBAgAAAAGTAgAAvgPSAiK3AhAAuAMAIcsCAgDrAgAh0wIAAL8D0wIi1AJAAO4CACEDAAAAAwAgAQAABAAwAgAABQAgCwQAALwDACAJAAC1AwAg5wEAALsDADDoAQAABwAQ6QEAALsDADDqAQIA6wIAIcoCAgDrAgAhzQICAOsCACHOAgIA6wIAIc8CEAC4AwAh0AIQALgDACECBAAAiAUAIAkAAIQFACALBAAAvAMAIAkAALUDACDnAQAAuwMAMOgBAAAHABDpAQAAuwMAMOoBAgAAAAHKAgIA6wIAIc0CAgDrAgAhzgICAOsCACHPAhAAuAMAIdACEAC4AwAhAwAAAAcAIAEAAAgAMAIAAAkAIBAHAAC5AwAgCAAAugMAIAoAALMDACDnAQAAtwMAMOgBAAALABDpAQAAtwMAMOoBAgDrAgAh8AFAAO4CACGGAgEA6gIAIZQCIAD5AgAh1QIBAOoCACHWAgIA6wIAIdcCEAC4AwAh2AIQALgDACHZAgIA6wIAIdoCAgDrAgAhAwcAAIYFACAIAACHBQAgCgAAgwUAIBAHAAC5AwAgCAAAugMAIAoAALMDACDnAQAAtwMAMOgBAAALABDpAQAAtwMAMOoBAgAAAAHwAUAA7gIAIYYCAQDqAgAhlAIgAPkCACHVAgEAAAAB1gICAOsCACHXAhAAuAMAIdgCEAC4AwAh2QICAOsCACHaAgIA6wIAIQMAAAALACABAAAMADACAAANACABAAAACwAgAwAAAAcAIAEAAAgAMAIAAAkAIAsDAAC2AwAgCQAAtQMAIOcBAAC0AwAw6AEAABEAEOkBAAC0AwAw6gECAOsCACHwAUAA7gIAIa8CAgDrAgAhygICAOsCACHLAgIA6wIAIcwCAQDtAgAhAwMAAIUFACAJAACEBQAgzAIAAMADACALAwAAtgMAIAkAALUDACDnAQAAtAMAMOgBAAARABDpAQAAtAMAMOoBAgAAAAHwAUAA7gIAIa8CAgDrAgAhygICAOsCACHLAgIA6wIAIcwCAQDtAgAhAwAAABEAIAEAABIAMAIAABMAIAEAAAAHACABAAAAEQAgAQAAAAcAIAMAAAARACABAAASADACAAATACABAAAAAwAgAQAAABEAIAEAAAABACAMCgAAswMAIAwAALIDACDnAQAAsAMAMOgBAAAcABDpAQAAsAMAMOoBAgDrAgAh8AFAAO4CACGGAgEA6gIAIdsCAQDqAgAh3AIBAOoCACHdAgEA6gIAId8CAACxA98CIgIKAACDBQAgDAAAggUAIAMAAAAcACABAAAdADACAAABACADAAAAHAAgAQAAHQAwAgAAAQAgAwAAABwAIAEAAB0AMAIAAAEAIAkKAACBBQAgDAAAgAUAIOoBAgAAAAHwAUAAAAABhgIBAAAAAdsCAQAAAAHcAgEAAAAB3QIBAAAAAd8CAAAA3wICARIAACEAIAfqAQIAAAAB8AFAAAAAAYYCAQAAAAHbAgEAAAAB3AIBAAAAAd0CAQAAAAHfAgAAAN8CAgESAAAjADABEgAAIwAwCQoAAOoEACAMAADpBAAg6gECAMgDACHwAUAAygMAIYYCAQDHAwAh2wIBAMcDACHcAgEAxwMAId0CAQDHAwAh3wIAAOgE3wIiAgAAAAEAIBIAACYAIAfqAQIAyAMAIfABQADKAwAhhgIBAMcDACHbAgEAxwMAIdwCAQDHAwAh3QIBAMcDACHfAgAA6ATfAiICAAAAHAAgEgAAKAAgAgAAABwAIBIAACgAIAMAAAABACAZAAAhACAaAAAmACABAAAAAQAgAQAAABwAIAUGAADjBAAgHwAA5AQAICAAAOcEACAhAADmBAAgIgAA5QQAIArnAQAArAMAMOgBAAAvABDpAQAArAMAMOoBAgDXAgAh8AFAANoCACGGAgEA1gIAIdsCAQDWAgAh3AIBANYCACHdAgEA1gIAId8CAACtA98CIgMAAAAcACABAAAuADAeAAAvACADAAAAHAAgAQAAHQAwAgAAAQAgBgUAAKsDACDnAQAAqgMAMOgBAAA1ABDpAQAAqgMAMOoBAgAAAAGGAgEAAAABAQAAADIAIAEAAAAyACAGBQAAqwMAIOcBAACqAwAw6AEAADUAEOkBAACqAwAw6gECAOsCACGGAgEA6gIAIQEFAADiBAAgAwAAADUAIAEAADYAMAIAADIAIAMAAAA1ACABAAA2ADACAAAyACADAAAANQAgAQAANgAwAgAAMgAgAwUAAOEEACDqAQIAAAABhgIBAAAAAQESAAA6ACAC6gECAAAAAYYCAQAAAAEBEgAAPAAwARIAADwAMAMFAADUBAAg6gECAMgDACGGAgEAxwMAIQIAAAAyACASAAA_ACAC6gECAMgDACGGAgEAxwMAIQIAAAA1ACASAABBACACAAAANQAgEgAAQQAgAwAAADIAIBkAADoAIBoAAD8AIAEAAAAyACABAAAANQAgBQYAAM8EACAfAADQBAAgIAAA0wQAICEAANIEACAiAADRBAAgBecBAACpAwAw6AEAAEgAEOkBAACpAwAw6gECANcCACGGAgEA1gIAIQMAAAA1ACABAABHADAeAABIACADAAAANQAgAQAANgAwAgAAMgAgAQAAAA0AIAEAAAANACADAAAACwAgAQAADAAwAgAADQAgAwAAAAsAIAEAAAwAMAIAAA0AIAMAAAALACABAAAMADACAAANACANBwAAzAQAIAgAAM0EACAKAADOBAAg6gECAAAAAfABQAAAAAGGAgEAAAABlAIgAAAAAdUCAQAAAAHWAgIAAAAB1wIQAAAAAdgCEAAAAAHZAgIAAAAB2gICAAAAAQESAABQACAK6gECAAAAAfABQAAAAAGGAgEAAAABlAIgAAAAAdUCAQAAAAHWAgIAAAAB1wIQAAAAAdgCEAAAAAHZAgIAAAAB2gICAAAAAQESAABSADABEgAAUgAwDQcAALQEACAIAAC1BAAgCgAAtgQAIOoBAgDIAwAh8AFAAMoDACGGAgEAxwMAIZQCIADWAwAh1QIBAMcDACHWAgIAyAMAIdcCEACTBAAh2AIQAJMEACHZAgIAyAMAIdoCAgDIAwAhAgAAAA0AIBIAAFUAIArqAQIAyAMAIfABQADKAwAhhgIBAMcDACGUAiAA1gMAIdUCAQDHAwAh1gICAMgDACHXAhAAkwQAIdgCEACTBAAh2QICAMgDACHaAgIAyAMAIQIAAAALACASAABXACACAAAACwAgEgAAVwAgAwAAAA0AIBkAAFAAIBoAAFUAIAEAAAANACABAAAACwAgBQYAAK8EACAfAACwBAAgIAAAswQAICEAALIEACAiAACxBAAgDecBAACoAwAw6AEAAF4AEOkBAACoAwAw6gECANcCACHwAUAA2gIAIYYCAQDWAgAhlAIgAPUCACHVAgEA1gIAIdYCAgDXAgAh1wIQAJ4DACHYAhAAngMAIdkCAgDXAgAh2gICANcCACEDAAAACwAgAQAAXQAwHgAAXgAgAwAAAAsAIAEAAAwAMAIAAA0AIAEAAAAFACABAAAABQAgAwAAAAMAIAEAAAQAMAIAAAUAIAMAAAADACABAAAEADACAAAFACADAAAAAwAgAQAABAAwAgAABQAgCAMAAK0EACALAACuBAAg6gECAAAAAZMCAAAA0gICtwIQAAAAAcsCAgAAAAHTAgAAANMCAtQCQAAAAAEBEgAAZgAgBuoBAgAAAAGTAgAAANICArcCEAAAAAHLAgIAAAAB0wIAAADTAgLUAkAAAAABARIAAGgAMAESAABoADAIAwAAnwQAIAsAAKAEACDqAQIAyAMAIZMCAACdBNICIrcCEACTBAAhywICAMgDACHTAgAAngTTAiLUAkAAygMAIQIAAAAFACASAABrACAG6gECAMgDACGTAgAAnQTSAiK3AhAAkwQAIcsCAgDIAwAh0wIAAJ4E0wIi1AJAAMoDACECAAAAAwAgEgAAbQAgAgAAAAMAIBIAAG0AIAMAAAAFACAZAABmACAaAABrACABAAAABQAgAQAAAAMAIAUGAACYBAAgHwAAmQQAICAAAJwEACAhAACbBAAgIgAAmgQAIAnnAQAAoQMAMOgBAAB0ABDpAQAAoQMAMOoBAgDXAgAhkwIAAKID0gIitwIQAJ4DACHLAgIA1wIAIdMCAACjA9MCItQCQADaAgAhAwAAAAMAIAEAAHMAMB4AAHQAIAMAAAADACABAAAEADACAAAFACABAAAACQAgAQAAAAkAIAMAAAAHACABAAAIADACAAAJACADAAAABwAgAQAACAAwAgAACQAgAwAAAAcAIAEAAAgAMAIAAAkAIAgEAACWBAAgCQAAlwQAIOoBAgAAAAHKAgIAAAABzQICAAAAAc4CAgAAAAHPAhAAAAAB0AIQAAAAAQESAAB8ACAG6gECAAAAAcoCAgAAAAHNAgIAAAABzgICAAAAAc8CEAAAAAHQAhAAAAABARIAAH4AMAESAAB-ADAIBAAAlAQAIAkAAJUEACDqAQIAyAMAIcoCAgDIAwAhzQICAMgDACHOAgIAyAMAIc8CEACTBAAh0AIQAJMEACECAAAACQAgEgAAgQEAIAbqAQIAyAMAIcoCAgDIAwAhzQICAMgDACHOAgIAyAMAIc8CEACTBAAh0AIQAJMEACECAAAABwAgEgAAgwEAIAIAAAAHACASAACDAQAgAwAAAAkAIBkAAHwAIBoAAIEBACABAAAACQAgAQAAAAcAIAUGAACOBAAgHwAAjwQAICAAAJIEACAhAACRBAAgIgAAkAQAIAnnAQAAnQMAMOgBAACKAQAQ6QEAAJ0DADDqAQIA1wIAIcoCAgDXAgAhzQICANcCACHOAgIA1wIAIc8CEACeAwAh0AIQAJ4DACEDAAAABwAgAQAAiQEAMB4AAIoBACADAAAABwAgAQAACAAwAgAACQAgAQAAABMAIAEAAAATACADAAAAEQAgAQAAEgAwAgAAEwAgAwAAABEAIAEAABIAMAIAABMAIAMAAAARACABAAASADACAAATACAIAwAAjQQAIAkAAIwEACDqAQIAAAAB8AFAAAAAAa8CAgAAAAHKAgIAAAABywICAAAAAcwCAQAAAAEBEgAAkgEAIAbqAQIAAAAB8AFAAAAAAa8CAgAAAAHKAgIAAAABywICAAAAAcwCAQAAAAEBEgAAlAEAMAESAACUAQAwCAMAAIsEACAJAACKBAAg6gECAMgDACHwAUAAygMAIa8CAgDIAwAhygICAMgDACHLAgIAyAMAIcwCAQDJAwAhAgAAABMAIBIAAJcBACAG6gECAMgDACHwAUAAygMAIa8CAgDIAwAhygICAMgDACHLAgIAyAMAIcwCAQDJAwAhAgAAABEAIBIAAJkBACACAAAAEQAgEgAAmQEAIAMAAAATACAZAACSAQAgGgAAlwEAIAEAAAATACABAAAAEQAgBgYAAIUEACAfAACGBAAgIAAAiQQAICEAAIgEACAiAACHBAAgzAIAAMADACAJ5wEAAJwDADDoAQAAoAEAEOkBAACcAwAw6gECANcCACHwAUAA2gIAIa8CAgDXAgAhygICANcCACHLAgIA1wIAIcwCAQDZAgAhAwAAABEAIAEAAJ8BADAeAACgAQAgAwAAABEAIAEAABIAMAIAABMAIBl2AACYAwAg5wEAAJQDADDoAQAAqwEAEOkBAACUAwAw6gEBAAAAAfABQADuAgAhkwIBAOoCACG1AgEA6gIAIbYCAgDrAgAhtwICAIgDACG4AgIA6wIAIbkCAgDrAgAhugICAOsCACG7AgIA6wIAIbwCAADsAgAgvQIAAJYDACC-AgEA7QIAIb8CAQDtAgAhwAIAAJYDACDBAgEAAAABwgIgAPkCACHDAgEA7QIAIcQCQACXAwAhxQJAAJcDACHGAkAAlwMAIQEAAACjAQAgC3UAAJsDACDnAQAAmgMAMOgBAAClAQAQ6QEAAJoDADDqAQQA6QIAIe8BAQCVAwAh8AFAAO4CACGxAgIA6wIAIbICAgDrAgAhswIBAOoCACG0AgAAlgMAIAJ1AACEBAAgtAIAAMADACALdQAAmwMAIOcBAACaAwAw6AEAAKUBABDpAQAAmgMAMOoBBAAAAAHvAQEAlQMAIfABQADuAgAhsQICAOsCACGyAgIA6wIAIbMCAQDqAgAhtAIAAJYDACADAAAApQEAIAEAAKYBADACAACnAQAgAQAAAKUBACABAAAAowEAIBl2AACYAwAg5wEAAJQDADDoAQAAqwEAEOkBAACUAwAw6gEBAJUDACHwAUAA7gIAIZMCAQDqAgAhtQIBAOoCACG2AgIA6wIAIbcCAgCIAwAhuAICAOsCACG5AgIA6wIAIboCAgDrAgAhuwICAOsCACG8AgAA7AIAIL0CAACWAwAgvgIBAO0CACG_AgEA7QIAIcACAACWAwAgwQIBAO0CACHCAiAA-QIAIcMCAQDtAgAhxAJAAJcDACHFAkAAlwMAIcYCQACXAwAhC3YAAIMEACC3AgAAwAMAIL0CAADAAwAgvgIAAMADACC_AgAAwAMAIMACAADAAwAgwQIAAMADACDDAgAAwAMAIMQCAADAAwAgxQIAAMADACDGAgAAwAMAIAMAAACrAQAgAQAArAEAMAIAAKMBACADAAAAqwEAIAEAAKwBADACAACjAQAgAwAAAKsBACABAACsAQAwAgAAowEAIBZ2AACCBAAg6gEBAAAAAfABQAAAAAGTAgEAAAABtQIBAAAAAbYCAgAAAAG3AgIAAAABuAICAAAAAbkCAgAAAAG6AgIAAAABuwICAAAAAbwCgAAAAAG9AoAAAAABvgIBAAAAAb8CAQAAAAHAAoAAAAABwQIBAAAAAcICIAAAAAHDAgEAAAABxAJAAAAAAcUCQAAAAAHGAkAAAAABARIAALABACAV6gEBAAAAAfABQAAAAAGTAgEAAAABtQIBAAAAAbYCAgAAAAG3AgIAAAABuAICAAAAAbkCAgAAAAG6AgIAAAABuwICAAAAAbwCgAAAAAG9AoAAAAABvgIBAAAAAb8CAQAAAAHAAoAAAAABwQIBAAAAAcICIAAAAAHDAgEAAAABxAJAAAAAAcUCQAAAAAHGAkAAAAABARIAALIBADABEgAAsgEAMBZ2AAD1AwAg6gEBAMcDACHwAUAAygMAIZMCAQDHAwAhtQIBAMcDACG2AgIAyAMAIbcCAgDjAwAhuAICAMgDACG5AgIAyAMAIboCAgDIAwAhuwICAMgDACG8AoAAAAABvQKAAAAAAb4CAQDJAwAhvwIBAMkDACHAAoAAAAABwQIBAMkDACHCAiAA1gMAIcMCAQDJAwAhxAJAAPQDACHFAkAA9AMAIcYCQAD0AwAhAgAAAKMBACASAAC1AQAgFeoBAQDHAwAh8AFAAMoDACGTAgEAxwMAIbUCAQDHAwAhtgICAMgDACG3AgIA4wMAIbgCAgDIAwAhuQICAMgDACG6AgIAyAMAIbsCAgDIAwAhvAKAAAAAAb0CgAAAAAG-AgEAyQMAIb8CAQDJAwAhwAKAAAAAAcECAQDJAwAhwgIgANYDACHDAgEAyQMAIcQCQAD0AwAhxQJAAPQDACHGAkAA9AMAIQIAAACrAQAgEgAAtwEAIAIAAACrAQAgEgAAtwEAIAMAAACjAQAgGQAAsAEAIBoAALUBACABAAAAowEAIAEAAACrAQAgDwYAAO8DACAfAADwAwAgIAAA8wMAICEAAPIDACAiAADxAwAgtwIAAMADACC9AgAAwAMAIL4CAADAAwAgvwIAAMADACDAAgAAwAMAIMECAADAAwAgwwIAAMADACDEAgAAwAMAIMUCAADAAwAgxgIAAMADACAY5wEAAJADADDoAQAAvgEAEOkBAACQAwAw6gEBAIwDACHwAUAA2gIAIZMCAQDWAgAhtQIBANYCACG2AgIA1wIAIbcCAgD_AgAhuAICANcCACG5AgIA1wIAIboCAgDXAgAhuwICANcCACG8AgAA2AIAIL0CAACNAwAgvgIBANkCACG_AgEA2QIAIcACAACNAwAgwQIBANkCACHCAiAA9QIAIcMCAQDZAgAhxAJAAJEDACHFAkAAkQMAIcYCQACRAwAhAwAAAKsBACABAAC9AQAwHgAAvgEAIAMAAACrAQAgAQAArAEAMAIAAKMBACABAAAApwEAIAEAAACnAQAgAwAAAKUBACABAACmAQAwAgAApwEAIAMAAAClAQAgAQAApgEAMAIAAKcBACADAAAApQEAIAEAAKYBADACAACnAQAgCHUAAO4DACDqAQQAAAAB7wEBAAAAAfABQAAAAAGxAgIAAAABsgICAAAAAbMCAQAAAAG0AoAAAAABARIAAMYBACAH6gEEAAAAAe8BAQAAAAHwAUAAAAABsQICAAAAAbICAgAAAAGzAgEAAAABtAKAAAAAAQESAADIAQAwARIAAMgBADAIdQAA7QMAIOoBBADGAwAh7wEBAMcDACHwAUAAygMAIbECAgDIAwAhsgICAMgDACGzAgEAxwMAIbQCgAAAAAECAAAApwEAIBIAAMsBACAH6gEEAMYDACHvAQEAxwMAIfABQADKAwAhsQICAMgDACGyAgIAyAMAIbMCAQDHAwAhtAKAAAAAAQIAAAClAQAgEgAAzQEAIAIAAAClAQAgEgAAzQEAIAMAAACnAQAgGQAAxgEAIBoAAMsBACABAAAApwEAIAEAAAClAQAgBgYAAOgDACAfAADpAwAgIAAA7AMAICEAAOsDACAiAADqAwAgtAIAAMADACAK5wEAAIsDADDoAQAA1AEAEOkBAACLAwAw6gEEANUCACHvAQEAjAMAIfABQADaAgAhsQICANcCACGyAgIA1wIAIbMCAQDWAgAhtAIAAI0DACADAAAApQEAIAEAANMBADAeAADUAQAgAwAAAKUBACABAACmAQAwAgAApwEAIB3nAQAAhwMAMOgBAADaAQAQ6QEAAIcDADDqAQIAAAAB8AFAAO4CACGEAgIAiAMAIYsCAQDtAgAhkwIBAOoCACGWAgEA6gIAIZcCAQDqAgAhmAIBAO0CACGZAgEA7QIAIZoCAAD8AgAgnAIBAAAAAaICAQDqAgAhowIBAO0CACGkAgEA7QIAIaUCIAD5AgAhpgIgAPkCACGnAggAiQMAIagCCACJAwAhqQIIAPMCACGqAgIA6wIAIasCAgCIAwAhrAICAIgDACGtAggAiQMAIa4CAQDqAgAhrwIgAIoDACGwAgEA7QIAIQEAAADXAQAgAQAAANcBACAd5wEAAIcDADDoAQAA2gEAEOkBAACHAwAw6gECAOsCACHwAUAA7gIAIYQCAgCIAwAhiwIBAO0CACGTAgEA6gIAIZYCAQDqAgAhlwIBAOoCACGYAgEA7QIAIZkCAQDtAgAhmgIAAPwCACCcAgEA6gIAIaICAQDqAgAhowIBAO0CACGkAgEA7QIAIaUCIAD5AgAhpgIgAPkCACGnAggAiQMAIagCCACJAwAhqQIIAPMCACGqAgIA6wIAIasCAgCIAwAhrAICAIgDACGtAggAiQMAIa4CAQDqAgAhrwIgAIoDACGwAgEA7QIAIQ2EAgAAwAMAIIsCAADAAwAgmAIAAMADACCZAgAAwAMAIKMCAADAAwAgpAIAAMADACCnAgAAwAMAIKgCAADAAwAgqwIAAMADACCsAgAAwAMAIK0CAADAAwAgrwIAAMADACCwAgAAwAMAIAMAAADaAQAgAQAA2wEAMAIAANcBACADAAAA2gEAIAEAANsBADACAADXAQAgAwAAANoBACABAADbAQAwAgAA1wEAIBrqAQIAAAAB8AFAAAAAAYQCAgAAAAGLAgEAAAABkwIBAAAAAZYCAQAAAAGXAgEAAAABmAIBAAAAAZkCAQAAAAGaAgAA5wMAIJwCAQAAAAGiAgEAAAABowIBAAAAAaQCAQAAAAGlAiAAAAABpgIgAAAAAacCCAAAAAGoAggAAAABqQIIAAAAAaoCAgAAAAGrAgIAAAABrAICAAAAAa0CCAAAAAGuAgEAAAABrwIgAAAAAbACAQAAAAEBEgAA3wEAIBrqAQIAAAAB8AFAAAAAAYQCAgAAAAGLAgEAAAABkwIBAAAAAZYCAQAAAAGXAgEAAAABmAIBAAAAAZkCAQAAAAGaAgAA5wMAIJwCAQAAAAGiAgEAAAABowIBAAAAAaQCAQAAAAGlAiAAAAABpgIgAAAAAacCCAAAAAGoAggAAAABqQIIAAAAAaoCAgAAAAGrAgIAAAABrAICAAAAAa0CCAAAAAGuAgEAAAABrwIgAAAAAbACAQAAAAEBEgAA4QEAMAESAADhAQAwGuoBAgDIAwAh8AFAAMoDACGEAgIA4wMAIYsCAQDJAwAhkwIBAMcDACGWAgEAxwMAIZcCAQDHAwAhmAIBAMkDACGZAgEAyQMAIZoCAADkAwAgnAIBAMcDACGiAgEAxwMAIaMCAQDJAwAhpAIBAMkDACGlAiAA1gMAIaYCIADWAwAhpwIIAOUDACGoAggA5QMAIakCCADQAwAhqgICAMgDACGrAgIA4wMAIawCAgDjAwAhrQIIAOUDACGuAgEAxwMAIa8CIADmAwAhsAIBAMkDACECAAAA1wEAIBIAAOQBACAa6gECAMgDACHwAUAAygMAIYQCAgDjAwAhiwIBAMkDACGTAgEAxwMAIZYCAQDHAwAhlwIBAMcDACGYAgEAyQMAIZkCAQDJAwAhmgIAAOQDACCcAgEAxwMAIaICAQDHAwAhowIBAMkDACGkAgEAyQMAIaUCIADWAwAhpgIgANYDACGnAggA5QMAIagCCADlAwAhqQIIANADACGqAgIAyAMAIasCAgDjAwAhrAICAOMDACGtAggA5QMAIa4CAQDHAwAhrwIgAOYDACGwAgEAyQMAIQIAAADaAQAgEgAA5gEAIAIAAADaAQAgEgAA5gEAIAMAAADXAQAgGQAA3wEAIBoAAOQBACABAAAA1wEAIAEAAADaAQAgEgYAAN4DACAfAADfAwAgIAAA4gMAICEAAOEDACAiAADgAwAghAIAAMADACCLAgAAwAMAIJgCAADAAwAgmQIAAMADACCjAgAAwAMAIKQCAADAAwAgpwIAAMADACCoAgAAwAMAIKsCAADAAwAgrAIAAMADACCtAgAAwAMAIK8CAADAAwAgsAIAAMADACAd5wEAAP4CADDoAQAA7QEAEOkBAAD-AgAw6gECANcCACHwAUAA2gIAIYQCAgD_AgAhiwIBANkCACGTAgEA1gIAIZYCAQDWAgAhlwIBANYCACGYAgEA2QIAIZkCAQDZAgAhmgIAAPwCACCcAgEA1gIAIaICAQDWAgAhowIBANkCACGkAgEA2QIAIaUCIAD1AgAhpgIgAPUCACGnAggAgAMAIagCCACAAwAhqQIIAPACACGqAgIA1wIAIasCAgD_AgAhrAICAP8CACGtAggAgAMAIa4CAQDWAgAhrwIgAIEDACGwAgEA2QIAIQMAAADaAQAgAQAA7AEAMB4AAO0BACADAAAA2gEAIAEAANsBADACAADXAQAgDucBAAD9AgAw6AEAAPMBABDpAQAA_QIAMOoBAgAAAAHwAUAA7gIAIZYCAQDqAgAhlwIBAAAAAZgCAQDqAgAhmQIBAO0CACGaAgAA_AIAIJsCAQDqAgAhnAIBAO0CACGdAgIA6wIAIZ4CQADuAgAhAQAAAPABACABAAAA8AEAIA7nAQAA_QIAMOgBAADzAQAQ6QEAAP0CADDqAQIA6wIAIfABQADuAgAhlgIBAOoCACGXAgEA6gIAIZgCAQDqAgAhmQIBAO0CACGaAgAA_AIAIJsCAQDqAgAhnAIBAO0CACGdAgIA6wIAIZ4CQADuAgAhApkCAADAAwAgnAIAAMADACADAAAA8wEAIAEAAPQBADACAADwAQAgAwAAAPMBACABAAD0AQAwAgAA8AEAIAMAAADzAQAgAQAA9AEAMAIAAPABACAL6gECAAAAAfABQAAAAAGWAgEAAAABlwIBAAAAAZgCAQAAAAGZAgEAAAABmgIAAN0DACCbAgEAAAABnAIBAAAAAZ0CAgAAAAGeAkAAAAABARIAAPgBACAL6gECAAAAAfABQAAAAAGWAgEAAAABlwIBAAAAAZgCAQAAAAGZAgEAAAABmgIAAN0DACCbAgEAAAABnAIBAAAAAZ0CAgAAAAGeAkAAAAABARIAAPoBADABEgAA-gEAMAvqAQIAyAMAIfABQADKAwAhlgIBAMcDACGXAgEAxwMAIZgCAQDHAwAhmQIBAMkDACGaAgAA3AMAIJsCAQDHAwAhnAIBAMkDACGdAgIAyAMAIZ4CQADKAwAhAgAAAPABACASAAD9AQAgC-oBAgDIAwAh8AFAAMoDACGWAgEAxwMAIZcCAQDHAwAhmAIBAMcDACGZAgEAyQMAIZoCAADcAwAgmwIBAMcDACGcAgEAyQMAIZ0CAgDIAwAhngJAAMoDACECAAAA8wEAIBIAAP8BACACAAAA8wEAIBIAAP8BACADAAAA8AEAIBkAAPgBACAaAAD9AQAgAQAAAPABACABAAAA8wEAIAcGAADXAwAgHwAA2AMAICAAANsDACAhAADaAwAgIgAA2QMAIJkCAADAAwAgnAIAAMADACAO5wEAAPsCADDoAQAAhgIAEOkBAAD7AgAw6gECANcCACHwAUAA2gIAIZYCAQDWAgAhlwIBANYCACGYAgEA1gIAIZkCAQDZAgAhmgIAAPwCACCbAgEA1gIAIZwCAQDZAgAhnQICANcCACGeAkAA2gIAIQMAAADzAQAgAQAAhQIAMB4AAIYCACADAAAA8wEAIAEAAPQBADACAADwAQAgFecBAAD4AgAw6AEAAIwCABDpAQAA-AIAMOoBAgAAAAHwAUAA7gIAIYYCAQDqAgAhhwICAOsCACGIAgEA6gIAIYkCAQDqAgAhigIBAOoCACGLAgAA7AIAIIwCAADsAgAgjQIAAOwCACCOAgAA7AIAII8CAADsAgAgkAIAAOwCACCRAgIA6wIAIZICAgDrAgAhkwIBAOoCACGUAiAA-QIAIZUCAAD6AgAgAQAAAIkCACABAAAAiQIAIBTnAQAA-AIAMOgBAACMAgAQ6QEAAPgCADDqAQIA6wIAIfABQADuAgAhhgIBAOoCACGHAgIA6wIAIYgCAQDqAgAhiQIBAOoCACGKAgEA6gIAIYsCAADsAgAgjAIAAOwCACCNAgAA7AIAII4CAADsAgAgjwIAAOwCACCQAgAA7AIAIJECAgDrAgAhkgICAOsCACGTAgEA6gIAIZQCIAD5AgAhAAMAAACMAgAgAQAAjQIAMAIAAIkCACADAAAAjAIAIAEAAI0CADACAACJAgAgAwAAAIwCACABAACNAgAwAgAAiQIAIBHqAQIAAAAB8AFAAAAAAYYCAQAAAAGHAgIAAAABiAIBAAAAAYkCAQAAAAGKAgEAAAABiwKAAAAAAYwCgAAAAAGNAoAAAAABjgKAAAAAAY8CgAAAAAGQAoAAAAABkQICAAAAAZICAgAAAAGTAgEAAAABlAIgAAAAAQESAACRAgAgEeoBAgAAAAHwAUAAAAABhgIBAAAAAYcCAgAAAAGIAgEAAAABiQIBAAAAAYoCAQAAAAGLAoAAAAABjAKAAAAAAY0CgAAAAAGOAoAAAAABjwKAAAAAAZACgAAAAAGRAgIAAAABkgICAAAAAZMCAQAAAAGUAiAAAAABARIAAJMCADABEgAAkwIAMBHqAQIAyAMAIfABQADKAwAhhgIBAMcDACGHAgIAyAMAIYgCAQDHAwAhiQIBAMcDACGKAgEAxwMAIYsCgAAAAAGMAoAAAAABjQKAAAAAAY4CgAAAAAGPAoAAAAABkAKAAAAAAZECAgDIAwAhkgICAMgDACGTAgEAxwMAIZQCIADWAwAhAgAAAIkCACASAACWAgAgEeoBAgDIAwAh8AFAAMoDACGGAgEAxwMAIYcCAgDIAwAhiAIBAMcDACGJAgEAxwMAIYoCAQDHAwAhiwKAAAAAAYwCgAAAAAGNAoAAAAABjgKAAAAAAY8CgAAAAAGQAoAAAAABkQICAMgDACGSAgIAyAMAIZMCAQDHAwAhlAIgANYDACECAAAAjAIAIBIAAJgCACACAAAAjAIAIBIAAJgCACADAAAAiQIAIBkAAJECACAaAACWAgAgAQAAAIkCACABAAAAjAIAIAUGAADRAwAgHwAA0gMAICAAANUDACAhAADUAwAgIgAA0wMAIBTnAQAA9AIAMOgBAACfAgAQ6QEAAPQCADDqAQIA1wIAIfABQADaAgAhhgIBANYCACGHAgIA1wIAIYgCAQDWAgAhiQIBANYCACGKAgEA1gIAIYsCAADYAgAgjAIAANgCACCNAgAA2AIAII4CAADYAgAgjwIAANgCACCQAgAA2AIAIJECAgDXAgAhkgICANcCACGTAgEA1gIAIZQCIAD1AgAhAwAAAIwCACABAACeAgAwHgAAnwIAIAMAAACMAgAgAQAAjQIAMAIAAIkCACAJ5wEAAPICADDoAQAApQIAEOkBAADyAgAw6gECAAAAAfABQADuAgAhggIBAOoCACGDAggA8wIAIYQCAgDrAgAhhQIAAOwCACABAAAAogIAIAEAAACiAgAgCecBAADyAgAw6AEAAKUCABDpAQAA8gIAMOoBAgDrAgAh8AFAAO4CACGCAgEA6gIAIYMCCADzAgAhhAICAOsCACGFAgAA7AIAIAADAAAApQIAIAEAAKYCADACAACiAgAgAwAAAKUCACABAACmAgAwAgAAogIAIAMAAAClAgAgAQAApgIAMAIAAKICACAG6gECAAAAAfABQAAAAAGCAgEAAAABgwIIAAAAAYQCAgAAAAGFAoAAAAABARIAAKoCACAG6gECAAAAAfABQAAAAAGCAgEAAAABgwIIAAAAAYQCAgAAAAGFAoAAAAABARIAAKwCADABEgAArAIAMAbqAQIAyAMAIfABQADKAwAhggIBAMcDACGDAggA0AMAIYQCAgDIAwAhhQKAAAAAAQIAAACiAgAgEgAArwIAIAbqAQIAyAMAIfABQADKAwAhggIBAMcDACGDAggA0AMAIYQCAgDIAwAhhQKAAAAAAQIAAAClAgAgEgAAsQIAIAIAAAClAgAgEgAAsQIAIAMAAACiAgAgGQAAqgIAIBoAAK8CACABAAAAogIAIAEAAAClAgAgBQYAAMsDACAfAADMAwAgIAAAzwMAICEAAM4DACAiAADNAwAgCecBAADvAgAw6AEAALgCABDpAQAA7wIAMOoBAgDXAgAh8AFAANoCACGCAgEA1gIAIYMCCADwAgAhhAICANcCACGFAgAA2AIAIAMAAAClAgAgAQAAtwIAMB4AALgCACADAAAApQIAIAEAAKYCADACAACiAgAgCucBAADoAgAw6AEAAL4CABDpAQAA6AIAMOoBBAAAAAHrAQEA6gIAIewBAgDrAgAh7QEBAOoCACHuAQAA7AIAIO8BAQDtAgAh8AFAAO4CACEBAAAAuwIAIAEAAAC7AgAgCucBAADoAgAw6AEAAL4CABDpAQAA6AIAMOoBBADpAgAh6wEBAOoCACHsAQIA6wIAIe0BAQDqAgAh7gEAAOwCACDvAQEA7QIAIfABQADuAgAhAe8BAADAAwAgAwAAAL4CACABAAC_AgAwAgAAuwIAIAMAAAC-AgAgAQAAvwIAMAIAALsCACADAAAAvgIAIAEAAL8CADACAAC7AgAgB-oBBAAAAAHrAQEAAAAB7AECAAAAAe0BAQAAAAHuAYAAAAAB7wEBAAAAAfABQAAAAAEBEgAAwwIAIAfqAQQAAAAB6wEBAAAAAewBAgAAAAHtAQEAAAAB7gGAAAAAAe8BAQAAAAHwAUAAAAABARIAAMUCADABEgAAxQIAMAfqAQQAxgMAIesBAQDHAwAh7AECAMgDACHtAQEAxwMAIe4BgAAAAAHvAQEAyQMAIfABQADKAwAhAgAAALsCACASAADIAgAgB-oBBADGAwAh6wEBAMcDACHsAQIAyAMAIe0BAQDHAwAh7gGAAAAAAe8BAQDJAwAh8AFAAMoDACECAAAAvgIAIBIAAMoCACACAAAAvgIAIBIAAMoCACADAAAAuwIAIBkAAMMCACAaAADIAgAgAQAAALsCACABAAAAvgIAIAYGAADBAwAgHwAAwgMAICAAAMUDACAhAADEAwAgIgAAwwMAIO8BAADAAwAgCucBAADUAgAw6AEAANECABDpAQAA1AIAMOoBBADVAgAh6wEBANYCACHsAQIA1wIAIe0BAQDWAgAh7gEAANgCACDvAQEA2QIAIfABQADaAgAhAwAAAL4CACABAADQAgAwHgAA0QIAIAMAAAC-AgAgAQAAvwIAMAIAALsCACAK5wEAANQCADDoAQAA0QIAEOkBAADUAgAw6gEEANUCACHrAQEA1gIAIewBAgDXAgAh7QEBANYCACHuAQAA2AIAIO8BAQDZAgAh8AFAANoCACENBgAA3AIAIB8AAOMCACAgAADnAgAgIQAA5wIAICIAAOcCACDxAQQAAAAB8gEEAAAABPMBBAAAAAT0AQQAAAAB9QEEAAAAAfYBBAAAAAH3AQQAAAAB-AEEAOYCACEOBgAA3AIAICEAAOUCACAiAADlAgAg8QEBAAAAAfIBAQAAAATzAQEAAAAE9AEBAAAAAfUBAQAAAAH2AQEAAAAB9wEBAAAAAfgBAQDkAgAh-QEBAAAAAfoBAQAAAAH7AQEAAAABDQYAANwCACAfAADjAgAgIAAA3AIAICEAANwCACAiAADcAgAg8QECAAAAAfIBAgAAAATzAQIAAAAE9AECAAAAAfUBAgAAAAH2AQIAAAAB9wECAAAAAfgBAgDiAgAhDwYAANwCACAhAADhAgAgIgAA4QIAIPEBgAAAAAH0AYAAAAAB9QGAAAAAAfYBgAAAAAH3AYAAAAAB-AGAAAAAAfwBAQAAAAH9AQEAAAAB_gEBAAAAAf8BgAAAAAGAAoAAAAABgQKAAAAAAQ4GAADfAgAgIQAA4AIAICIAAOACACDxAQEAAAAB8gEBAAAABfMBAQAAAAX0AQEAAAAB9QEBAAAAAfYBAQAAAAH3AQEAAAAB-AEBAN4CACH5AQEAAAAB-gEBAAAAAfsBAQAAAAELBgAA3AIAICEAAN0CACAiAADdAgAg8QFAAAAAAfIBQAAAAATzAUAAAAAE9AFAAAAAAfUBQAAAAAH2AUAAAAAB9wFAAAAAAfgBQADbAgAhCwYAANwCACAhAADdAgAgIgAA3QIAIPEBQAAAAAHyAUAAAAAE8wFAAAAABPQBQAAAAAH1AUAAAAAB9gFAAAAAAfcBQAAAAAH4AUAA2wIAIQjxAQIAAAAB8gECAAAABPMBAgAAAAT0AQIAAAAB9QECAAAAAfYBAgAAAAH3AQIAAAAB-AECANwCACEI8QFAAAAAAfIBQAAAAATzAUAAAAAE9AFAAAAAAfUBQAAAAAH2AUAAAAAB9wFAAAAAAfgBQADdAgAhDgYAAN8CACAhAADgAgAgIgAA4AIAIPEBAQAAAAHyAQEAAAAF8wEBAAAABfQBAQAAAAH1AQEAAAAB9gEBAAAAAfcBAQAAAAH4AQEA3gIAIfkBAQAAAAH6AQEAAAAB-wEBAAAAAQjxAQIAAAAB8gECAAAABfMBAgAAAAX0AQIAAAAB9QECAAAAAfYBAgAAAAH3AQIAAAAB-AECAN8CACEL8QEBAAAAAfIBAQAAAAXzAQEAAAAF9AEBAAAAAfUBAQAAAAH2AQEAAAAB9wEBAAAAAfgBAQDgAgAh-QEBAAAAAfoBAQAAAAH7AQEAAAABDPEBgAAAAAH0AYAAAAAB9QGAAAAAAfYBgAAAAAH3AYAAAAAB-AGAAAAAAfwBAQAAAAH9AQEAAAAB_gEBAAAAAf8BgAAAAAGAAoAAAAABgQKAAAAAAQ0GAADcAgAgHwAA4wIAICAAANwCACAhAADcAgAgIgAA3AIAIPEBAgAAAAHyAQIAAAAE8wECAAAABPQBAgAAAAH1AQIAAAAB9gECAAAAAfcBAgAAAAH4AQIA4gIAIQjxAQgAAAAB8gEIAAAABPMBCAAAAAT0AQgAAAAB9QEIAAAAAfYBCAAAAAH3AQgAAAAB-AEIAOMCACEOBgAA3AIAICEAAOUCACAiAADlAgAg8QEBAAAAAfIBAQAAAATzAQEAAAAE9AEBAAAAAfUBAQAAAAH2AQEAAAAB9wEBAAAAAfgBAQDkAgAh-QEBAAAAAfoBAQAAAAH7AQEAAAABC_EBAQAAAAHyAQEAAAAE8wEBAAAABPQBAQAAAAH1AQEAAAAB9gEBAAAAAfcBAQAAAAH4AQEA5QIAIfkBAQAAAAH6AQEAAAAB-wEBAAAAAQ0GAADcAgAgHwAA4wIAICAAAOcCACAhAADnAgAgIgAA5wIAIPEBBAAAAAHyAQQAAAAE8wEEAAAABPQBBAAAAAH1AQQAAAAB9gEEAAAAAfcBBAAAAAH4AQQA5gIAIQjxAQQAAAAB8gEEAAAABPMBBAAAAAT0AQQAAAAB9QEEAAAAAfYBBAAAAAH3AQQAAAAB-AEEAOcCACEK5wEAAOgCADDoAQAAvgIAEOkBAADoAgAw6gEEAOkCACHrAQEA6gIAIewBAgDrAgAh7QEBAOoCACHuAQAA7AIAIO8BAQDtAgAh8AFAAO4CACEI8QEEAAAAAfIBBAAAAATzAQQAAAAE9AEEAAAAAfUBBAAAAAH2AQQAAAAB9wEEAAAAAfgBBADnAgAhC_EBAQAAAAHyAQEAAAAE8wEBAAAABPQBAQAAAAH1AQEAAAAB9gEBAAAAAfcBAQAAAAH4AQEA5QIAIfkBAQAAAAH6AQEAAAAB-wEBAAAAAQjxAQIAAAAB8gECAAAABPMBAgAAAAT0AQIAAAAB9QECAAAAAfYBAgAAAAH3AQIAAAAB-AECANwCACEM8QGAAAAAAfQBgAAAAAH1AYAAAAAB9gGAAAAAAfcBgAAAAAH4AYAAAAAB_AEBAAAAAf0BAQAAAAH-AQEAAAAB_wGAAAAAAYACgAAAAAGBAoAAAAABC_EBAQAAAAHyAQEAAAAF8wEBAAAABfQBAQAAAAH1AQEAAAAB9gEBAAAAAfcBAQAAAAH4AQEA4AIAIfkBAQAAAAH6AQEAAAAB-wEBAAAAAQjxAUAAAAAB8gFAAAAABPMBQAAAAAT0AUAAAAAB9QFAAAAAAfYBQAAAAAH3AUAAAAAB-AFAAN0CACEJ5wEAAO8CADDoAQAAuAIAEOkBAADvAgAw6gECANcCACHwAUAA2gIAIYICAQDWAgAhgwIIAPACACGEAgIA1wIAIYUCAADYAgAgDQYAANwCACAfAADjAgAgIAAA4wIAICEAAOMCACAiAADjAgAg8QEIAAAAAfIBCAAAAATzAQgAAAAE9AEIAAAAAfUBCAAAAAH2AQgAAAAB9wEIAAAAAfgBCADxAgAhDQYAANwCACAfAADjAgAgIAAA4wIAICEAAOMCACAiAADjAgAg8QEIAAAAAfIBCAAAAATzAQgAAAAE9AEIAAAAAfUBCAAAAAH2AQgAAAAB9wEIAAAAAfgBCADxAgAhCecBAADyAgAw6AEAAKUCABDpAQAA8gIAMOoBAgDrAgAh8AFAAO4CACGCAgEA6gIAIYMCCADzAgAhhAICAOsCACGFAgAA7AIAIAjxAQgAAAAB8gEIAAAABPMBCAAAAAT0AQgAAAAB9QEIAAAAAfYBCAAAAAH3AQgAAAAB-AEIAOMCACEU5wEAAPQCADDoAQAAnwIAEOkBAAD0AgAw6gECANcCACHwAUAA2gIAIYYCAQDWAgAhhwICANcCACGIAgEA1gIAIYkCAQDWAgAhigIBANYCACGLAgAA2AIAIIwCAADYAgAgjQIAANgCACCOAgAA2AIAII8CAADYAgAgkAIAANgCACCRAgIA1wIAIZICAgDXAgAhkwIBANYCACGUAiAA9QIAIQUGAADcAgAgIQAA9wIAICIAAPcCACDxASAAAAAB-AEgAPYCACEFBgAA3AIAICEAAPcCACAiAAD3AgAg8QEgAAAAAfgBIAD2AgAhAvEBIAAAAAH4ASAA9wIAIRTnAQAA-AIAMOgBAACMAgAQ6QEAAPgCADDqAQIA6wIAIfABQADuAgAhhgIBAOoCACGHAgIA6wIAIYgCAQDqAgAhiQIBAOoCACGKAgEA6gIAIYsCAADsAgAgjAIAAOwCACCNAgAA7AIAII4CAADsAgAgjwIAAOwCACCQAgAA7AIAIJECAgDrAgAhkgICAOsCACGTAgEA6gIAIZQCIAD5AgAhAvEBIAAAAAH4ASAA9wIAIQKGAgEAAAABhwICAAAAAQ7nAQAA-wIAMOgBAACGAgAQ6QEAAPsCADDqAQIA1wIAIfABQADaAgAhlgIBANYCACGXAgEA1gIAIZgCAQDWAgAhmQIBANkCACGaAgAA_AIAIJsCAQDWAgAhnAIBANkCACGdAgIA1wIAIZ4CQADaAgAhBPEBAQAAAAWfAgEAAAABoAIBAAAABKECAQAAAAQO5wEAAP0CADDoAQAA8wEAEOkBAAD9AgAw6gECAOsCACHwAUAA7gIAIZYCAQDqAgAhlwIBAOoCACGYAgEA6gIAIZkCAQDtAgAhmgIAAPwCACCbAgEA6gIAIZwCAQDtAgAhnQICAOsCACGeAkAA7gIAIR3nAQAA_gIAMOgBAADtAQAQ6QEAAP4CADDqAQIA1wIAIfABQADaAgAhhAICAP8CACGLAgEA2QIAIZMCAQDWAgAhlgIBANYCACGXAgEA1gIAIZgCAQDZAgAhmQIBANkCACGaAgAA_AIAIJwCAQDWAgAhogIBANYCACGjAgEA2QIAIaQCAQDZAgAhpQIgAPUCACGmAiAA9QIAIacCCACAAwAhqAIIAIADACGpAggA8AIAIaoCAgDXAgAhqwICAP8CACGsAgIA_wIAIa0CCACAAwAhrgIBANYCACGvAiAAgQMAIbACAQDZAgAhDQYAAN8CACAfAACFAwAgIAAA3wIAICEAAN8CACAiAADfAgAg8QECAAAAAfIBAgAAAAXzAQIAAAAF9AECAAAAAfUBAgAAAAH2AQIAAAAB9wECAAAAAfgBAgCGAwAhDQYAAN8CACAfAACFAwAgIAAAhQMAICEAAIUDACAiAACFAwAg8QEIAAAAAfIBCAAAAAXzAQgAAAAF9AEIAAAAAfUBCAAAAAH2AQgAAAAB9wEIAAAAAfgBCACEAwAhBQYAAN8CACAhAACDAwAgIgAAgwMAIPEBIAAAAAH4ASAAggMAIQUGAADfAgAgIQAAgwMAICIAAIMDACDxASAAAAAB-AEgAIIDACEC8QEgAAAAAfgBIACDAwAhDQYAAN8CACAfAACFAwAgIAAAhQMAICEAAIUDACAiAACFAwAg8QEIAAAAAfIBCAAAAAXzAQgAAAAF9AEIAAAAAfUBCAAAAAH2AQgAAAAB9wEIAAAAAfgBCACEAwAhCPEBCAAAAAHyAQgAAAAF8wEIAAAABfQBCAAAAAH1AQgAAAAB9gEIAAAAAfcBCAAAAAH4AQgAhQMAIQ0GAADfAgAgHwAAhQMAICAAAN8CACAhAADfAgAgIgAA3wIAIPEBAgAAAAHyAQIAAAAF8wECAAAABfQBAgAAAAH1AQIAAAAB9gECAAAAAfcBAgAAAAH4AQIAhgMAIR3nAQAAhwMAMOgBAADaAQAQ6QEAAIcDADDqAQIA6wIAIfABQADuAgAhhAICAIgDACGLAgEA7QIAIZMCAQDqAgAhlgIBAOoCACGXAgEA6gIAIZgCAQDtAgAhmQIBAO0CACGaAgAA_AIAIJwCAQDqAgAhogIBAOoCACGjAgEA7QIAIaQCAQDtAgAhpQIgAPkCACGmAiAA-QIAIacCCACJAwAhqAIIAIkDACGpAggA8wIAIaoCAgDrAgAhqwICAIgDACGsAgIAiAMAIa0CCACJAwAhrgIBAOoCACGvAiAAigMAIbACAQDtAgAhCPEBAgAAAAHyAQIAAAAF8wECAAAABfQBAgAAAAH1AQIAAAAB9gECAAAAAfcBAgAAAAH4AQIA3wIAIQjxAQgAAAAB8gEIAAAABfMBCAAAAAX0AQgAAAAB9QEIAAAAAfYBCAAAAAH3AQgAAAAB-AEIAIUDACEC8QEgAAAAAfgBIACDAwAhCucBAACLAwAw6AEAANQBABDpAQAAiwMAMOoBBADVAgAh7wEBAIwDACHwAUAA2gIAIbECAgDXAgAhsgICANcCACGzAgEA1gIAIbQCAACNAwAgCwYAANwCACAhAADlAgAgIgAA5QIAIPEBAQAAAAHyAQEAAAAE8wEBAAAABPQBAQAAAAH1AQEAAAAB9gEBAAAAAfcBAQAAAAH4AQEAjwMAIQ8GAADfAgAgIQAAjgMAICIAAI4DACDxAYAAAAAB9AGAAAAAAfUBgAAAAAH2AYAAAAAB9wGAAAAAAfgBgAAAAAH8AQEAAAAB_QEBAAAAAf4BAQAAAAH_AYAAAAABgAKAAAAAAYECgAAAAAEM8QGAAAAAAfQBgAAAAAH1AYAAAAAB9gGAAAAAAfcBgAAAAAH4AYAAAAAB_AEBAAAAAf0BAQAAAAH-AQEAAAAB_wGAAAAAAYACgAAAAAGBAoAAAAABCwYAANwCACAhAADlAgAgIgAA5QIAIPEBAQAAAAHyAQEAAAAE8wEBAAAABPQBAQAAAAH1AQEAAAAB9gEBAAAAAfcBAQAAAAH4AQEAjwMAIRjnAQAAkAMAMOgBAAC-AQAQ6QEAAJADADDqAQEAjAMAIfABQADaAgAhkwIBANYCACG1AgEA1gIAIbYCAgDXAgAhtwICAP8CACG4AgIA1wIAIbkCAgDXAgAhugICANcCACG7AgIA1wIAIbwCAADYAgAgvQIAAI0DACC-AgEA2QIAIb8CAQDZAgAhwAIAAI0DACDBAgEA2QIAIcICIAD1AgAhwwIBANkCACHEAkAAkQMAIcUCQACRAwAhxgJAAJEDACELBgAA3wIAICEAAJMDACAiAACTAwAg8QFAAAAAAfIBQAAAAAXzAUAAAAAF9AFAAAAAAfUBQAAAAAH2AUAAAAAB9wFAAAAAAfgBQACSAwAhCwYAAN8CACAhAACTAwAgIgAAkwMAIPEBQAAAAAHyAUAAAAAF8wFAAAAABfQBQAAAAAH1AUAAAAAB9gFAAAAAAfcBQAAAAAH4AUAAkgMAIQjxAUAAAAAB8gFAAAAABfMBQAAAAAX0AUAAAAAB9QFAAAAAAfYBQAAAAAH3AUAAAAAB-AFAAJMDACEZdgAAmAMAIOcBAACUAwAw6AEAAKsBABDpAQAAlAMAMOoBAQCVAwAh8AFAAO4CACGTAgEA6gIAIbUCAQDqAgAhtgICAOsCACG3AgIAiAMAIbgCAgDrAgAhuQICAOsCACG6AgIA6wIAIbsCAgDrAgAhvAIAAOwCACC9AgAAlgMAIL4CAQDtAgAhvwIBAO0CACHAAgAAlgMAIMECAQDtAgAhwgIgAPkCACHDAgEA7QIAIcQCQACXAwAhxQJAAJcDACHGAkAAlwMAIQjxAQEAAAAB8gEBAAAABPMBAQAAAAT0AQEAAAAB9QEBAAAAAfYBAQAAAAH3AQEAAAAB-AEBAJkDACEM8QGAAAAAAfQBgAAAAAH1AYAAAAAB9gGAAAAAAfcBgAAAAAH4AYAAAAAB_AEBAAAAAf0BAQAAAAH-AQEAAAAB_wGAAAAAAYACgAAAAAGBAoAAAAABCPEBQAAAAAHyAUAAAAAF8wFAAAAABfQBQAAAAAH1AUAAAAAB9gFAAAAAAfcBQAAAAAH4AUAAkwMAIQPHAgAApQEAIMgCAAClAQAgyQIAAKUBACAI8QEBAAAAAfIBAQAAAATzAQEAAAAE9AEBAAAAAfUBAQAAAAH2AQEAAAAB9wEBAAAAAfgBAQCZAwAhC3UAAJsDACDnAQAAmgMAMOgBAAClAQAQ6QEAAJoDADDqAQQA6QIAIe8BAQCVAwAh8AFAAO4CACGxAgIA6wIAIbICAgDrAgAhswIBAOoCACG0AgAAlgMAIBt2AACYAwAg5wEAAJQDADDoAQAAqwEAEOkBAACUAwAw6gEBAJUDACHwAUAA7gIAIZMCAQDqAgAhtQIBAOoCACG2AgIA6wIAIbcCAgCIAwAhuAICAOsCACG5AgIA6wIAIboCAgDrAgAhuwICAOsCACG8AgAA7AIAIL0CAACWAwAgvgIBAO0CACG_AgEA7QIAIcACAACWAwAgwQIBAO0CACHCAiAA-QIAIcMCAQDtAgAhxAJAAJcDACHFAkAAlwMAIcYCQACXAwAh4AIAAKsBACDhAgAAqwEAIAnnAQAAnAMAMOgBAACgAQAQ6QEAAJwDADDqAQIA1wIAIfABQADaAgAhrwICANcCACHKAgIA1wIAIcsCAgDXAgAhzAIBANkCACEJ5wEAAJ0DADDoAQAAigEAEOkBAACdAwAw6gECANcCACHKAgIA1wIAIc0CAgDXAgAhzgICANcCACHPAhAAngMAIdACEACeAwAhDQYAANwCACAfAACgAwAgIAAAoAMAICEAAKADACAiAACgAwAg8QEQAAAAAfIBEAAAAATzARAAAAAE9AEQAAAAAfUBEAAAAAH2ARAAAAAB9wEQAAAAAfgBEACfAwAhDQYAANwCACAfAACgAwAgIAAAoAMAICEAAKADACAiAACgAwAg8QEQAAAAAfIBEAAAAATzARAAAAAE9AEQAAAAAfUBEAAAAAH2ARAAAAAB9wEQAAAAAfgBEACfAwAhCPEBEAAAAAHyARAAAAAE8wEQAAAABPQBEAAAAAH1ARAAAAAB9gEQAAAAAfcBEAAAAAH4ARAAoAMAIQnnAQAAoQMAMOgBAAB0ABDpAQAAoQMAMOoBAgDXAgAhkwIAAKID0gIitwIQAJ4DACHLAgIA1wIAIdMCAACjA9MCItQCQADaAgAhBwYAANwCACAhAACnAwAgIgAApwMAIPEBAAAA0gIC8gEAAADSAgjzAQAAANICCPgBAACmA9ICIgcGAADcAgAgIQAApQMAICIAAKUDACDxAQAAANMCAvIBAAAA0wII8wEAAADTAgj4AQAApAPTAiIHBgAA3AIAICEAAKUDACAiAAClAwAg8QEAAADTAgLyAQAAANMCCPMBAAAA0wII-AEAAKQD0wIiBPEBAAAA0wIC8gEAAADTAgjzAQAAANMCCPgBAAClA9MCIgcGAADcAgAgIQAApwMAICIAAKcDACDxAQAAANICAvIBAAAA0gII8wEAAADSAgj4AQAApgPSAiIE8QEAAADSAgLyAQAAANICCPMBAAAA0gII-AEAAKcD0gIiDecBAACoAwAw6AEAAF4AEOkBAACoAwAw6gECANcCACHwAUAA2gIAIYYCAQDWAgAhlAIgAPUCACHVAgEA1gIAIdYCAgDXAgAh1wIQAJ4DACHYAhAAngMAIdkCAgDXAgAh2gICANcCACEF5wEAAKkDADDoAQAASAAQ6QEAAKkDADDqAQIA1wIAIYYCAQDWAgAhBgUAAKsDACDnAQAAqgMAMOgBAAA1ABDpAQAAqgMAMOoBAgDrAgAhhgIBAOoCACEDxwIAAAsAIMgCAAALACDJAgAACwAgCucBAACsAwAw6AEAAC8AEOkBAACsAwAw6gECANcCACHwAUAA2gIAIYYCAQDWAgAh2wIBANYCACHcAgEA1gIAId0CAQDWAgAh3wIAAK0D3wIiBwYAANwCACAhAACvAwAgIgAArwMAIPEBAAAA3wIC8gEAAADfAgjzAQAAAN8CCPgBAACuA98CIgcGAADcAgAgIQAArwMAICIAAK8DACDxAQAAAN8CAvIBAAAA3wII8wEAAADfAgj4AQAArgPfAiIE8QEAAADfAgLyAQAAAN8CCPMBAAAA3wII-AEAAK8D3wIiDAoAALMDACAMAACyAwAg5wEAALADADDoAQAAHAAQ6QEAALADADDqAQIA6wIAIfABQADuAgAhhgIBAOoCACHbAgEA6gIAIdwCAQDqAgAh3QIBAOoCACHfAgAAsQPfAiIE8QEAAADfAgLyAQAAAN8CCPMBAAAA3wII-AEAAK8D3wIiA8cCAAADACDIAgAAAwAgyQIAAAMAIAPHAgAAEQAgyAIAABEAIMkCAAARACALAwAAtgMAIAkAALUDACDnAQAAtAMAMOgBAAARABDpAQAAtAMAMOoBAgDrAgAh8AFAAO4CACGvAgIA6wIAIcoCAgDrAgAhywICAOsCACHMAgEA7QIAIRIHAAC5AwAgCAAAugMAIAoAALMDACDnAQAAtwMAMOgBAAALABDpAQAAtwMAMOoBAgDrAgAh8AFAAO4CACGGAgEA6gIAIZQCIAD5AgAh1QIBAOoCACHWAgIA6wIAIdcCEAC4AwAh2AIQALgDACHZAgIA6wIAIdoCAgDrAgAh4AIAAAsAIOECAAALACAOCgAAswMAIAwAALIDACDnAQAAsAMAMOgBAAAcABDpAQAAsAMAMOoBAgDrAgAh8AFAAO4CACGGAgEA6gIAIdsCAQDqAgAh3AIBAOoCACHdAgEA6gIAId8CAACxA98CIuACAAAcACDhAgAAHAAgEAcAALkDACAIAAC6AwAgCgAAswMAIOcBAAC3AwAw6AEAAAsAEOkBAAC3AwAw6gECAOsCACHwAUAA7gIAIYYCAQDqAgAhlAIgAPkCACHVAgEA6gIAIdYCAgDrAgAh1wIQALgDACHYAhAAuAMAIdkCAgDrAgAh2gICAOsCACEI8QEQAAAAAfIBEAAAAATzARAAAAAE9AEQAAAAAfUBEAAAAAH2ARAAAAAB9wEQAAAAAfgBEACgAwAhCAUAAKsDACDnAQAAqgMAMOgBAAA1ABDpAQAAqgMAMOoBAgDrAgAhhgIBAOoCACHgAgAANQAg4QIAADUAIAPHAgAABwAgyAIAAAcAIMkCAAAHACALBAAAvAMAIAkAALUDACDnAQAAuwMAMOgBAAAHABDpAQAAuwMAMOoBAgDrAgAhygICAOsCACHNAgIA6wIAIc4CAgDrAgAhzwIQALgDACHQAhAAuAMAIQ0DAAC2AwAgCwAAugMAIOcBAAC9AwAw6AEAAAMAEOkBAAC9AwAw6gECAOsCACGTAgAAvgPSAiK3AhAAuAMAIcsCAgDrAgAh0wIAAL8D0wIi1AJAAO4CACHgAgAAAwAg4QIAAAMAIAsDAAC2AwAgCwAAugMAIOcBAAC9AwAw6AEAAAMAEOkBAAC9AwAw6gECAOsCACGTAgAAvgPSAiK3AhAAuAMAIcsCAgDrAgAh0wIAAL8D0wIi1AJAAO4CACEE8QEAAADSAgLyAQAAANICCPMBAAAA0gII-AEAAKcD0gIiBPEBAAAA0wIC8gEAAADTAgjzAQAAANMCCPgBAAClA9MCIgAAAAAAAAXlAgQAAAAB6wIEAAAAAewCBAAAAAHtAgQAAAAB7gIEAAAAAQHlAgEAAAABBeUCAgAAAAHrAgIAAAAB7AICAAAAAe0CAgAAAAHuAgIAAAABAeUCAQAAAAEB5QJAAAAAAQAAAAAABeUCCAAAAAHrAggAAAAB7AIIAAAAAe0CCAAAAAHuAggAAAABAAAAAAAB5QIgAAAAAQAAAAAAAuUCAQAAAATvAgEAAAAFAeUCAQAAAAQAAAAAAAXlAgIAAAAB6wICAAAAAewCAgAAAAHtAgIAAAAB7gICAAAAAQLlAgEAAAAE7wIBAAAABQXlAggAAAAB6wIIAAAAAewCCAAAAAHtAggAAAAB7gIIAAAAAQHlAiAAAAABAeUCAQAAAAQAAAAAAAUZAACuBQAgGgAAsQUAIOICAACvBQAg4wIAALAFACDoAgAAowEAIAMZAACuBQAg4gIAAK8FACDoAgAAowEAIAAAAAAAAeUCQAAAAAELGQAA9gMAMBoAAPsDADDiAgAA9wMAMOMCAAD4AwAw5AIAAPkDACDlAgAA-gMAMOYCAAD6AwAw5wIAAPoDADDoAgAA-gMAMOkCAAD8AwAw6gIAAP0DADAG6gEEAAAAAfABQAAAAAGxAgIAAAABsgICAAAAAbMCAQAAAAG0AoAAAAABAgAAAKcBACAZAACBBAAgAwAAAKcBACAZAACBBAAgGgAAgAQAIAESAACtBQAwC3UAAJsDACDnAQAAmgMAMOgBAAClAQAQ6QEAAJoDADDqAQQAAAAB7wEBAJUDACHwAUAA7gIAIbECAgDrAgAhsgICAOsCACGzAgEA6gIAIbQCAACWAwAgAgAAAKcBACASAACABAAgAgAAAP4DACASAAD_AwAgCucBAAD9AwAw6AEAAP4DABDpAQAA_QMAMOoBBADpAgAh7wEBAJUDACHwAUAA7gIAIbECAgDrAgAhsgICAOsCACGzAgEA6gIAIbQCAACWAwAgCucBAAD9AwAw6AEAAP4DABDpAQAA_QMAMOoBBADpAgAh7wEBAJUDACHwAUAA7gIAIbECAgDrAgAhsgICAOsCACGzAgEA6gIAIbQCAACWAwAgBuoBBADGAwAh8AFAAMoDACGxAgIAyAMAIbICAgDIAwAhswIBAMcDACG0AoAAAAABBuoBBADGAwAh8AFAAMoDACGxAgIAyAMAIbICAgDIAwAhswIBAMcDACG0AoAAAAABBuoBBAAAAAHwAUAAAAABsQICAAAAAbICAgAAAAGzAgEAAAABtAKAAAAAAQQZAAD2AwAw4gIAAPcDADDkAgAA-QMAIOgCAAD6AwAwAAt2AACDBAAgtwIAAMADACC9AgAAwAMAIL4CAADAAwAgvwIAAMADACDAAgAAwAMAIMECAADAAwAgwwIAAMADACDEAgAAwAMAIMUCAADAAwAgxgIAAMADACAAAAAAAAUZAAClBQAgGgAAqwUAIOICAACmBQAg4wIAAKoFACDoAgAADQAgBRkAAKMFACAaAACoBQAg4gIAAKQFACDjAgAApwUAIOgCAAABACADGQAApQUAIOICAACmBQAg6AIAAA0AIAMZAACjBQAg4gIAAKQFACDoAgAAAQAgAAAAAAAF5QIQAAAAAesCEAAAAAHsAhAAAAAB7QIQAAAAAe4CEAAAAAEFGQAAmwUAIBoAAKEFACDiAgAAnAUAIOMCAACgBQAg6AIAAAUAIAUZAACZBQAgGgAAngUAIOICAACaBQAg4wIAAJ0FACDoAgAADQAgAxkAAJsFACDiAgAAnAUAIOgCAAAFACADGQAAmQUAIOICAACaBQAg6AIAAA0AIAAAAAAAAeUCAAAA0gICAeUCAAAA0wICBRkAAJMFACAaAACXBQAg4gIAAJQFACDjAgAAlgUAIOgCAAABACALGQAAoQQAMBoAAKYEADDiAgAAogQAMOMCAACjBAAw5AIAAKQEACDlAgAApQQAMOYCAAClBAAw5wIAAKUEADDoAgAApQQAMOkCAACnBAAw6gIAAKgEADAGCQAAlwQAIOoBAgAAAAHKAgIAAAABzgICAAAAAc8CEAAAAAHQAhAAAAABAgAAAAkAIBkAAKwEACADAAAACQAgGQAArAQAIBoAAKsEACABEgAAlQUAMAsEAAC8AwAgCQAAtQMAIOcBAAC7AwAw6AEAAAcAEOkBAAC7AwAw6gECAAAAAcoCAgDrAgAhzQICAOsCACHOAgIA6wIAIc8CEAC4AwAh0AIQALgDACECAAAACQAgEgAAqwQAIAIAAACpBAAgEgAAqgQAIAnnAQAAqAQAMOgBAACpBAAQ6QEAAKgEADDqAQIA6wIAIcoCAgDrAgAhzQICAOsCACHOAgIA6wIAIc8CEAC4AwAh0AIQALgDACEJ5wEAAKgEADDoAQAAqQQAEOkBAACoBAAw6gECAOsCACHKAgIA6wIAIc0CAgDrAgAhzgICAOsCACHPAhAAuAMAIdACEAC4AwAhBeoBAgDIAwAhygICAMgDACHOAgIAyAMAIc8CEACTBAAh0AIQAJMEACEGCQAAlQQAIOoBAgDIAwAhygICAMgDACHOAgIAyAMAIc8CEACTBAAh0AIQAJMEACEGCQAAlwQAIOoBAgAAAAHKAgIAAAABzgICAAAAAc8CEAAAAAHQAhAAAAABAxkAAJMFACDiAgAAlAUAIOgCAAABACAEGQAAoQQAMOICAACiBAAw5AIAAKQEACDoAgAApQQAMAAAAAAABRkAAIwFACAaAACRBQAg4gIAAI0FACDjAgAAkAUAIOgCAAAyACALGQAAwwQAMBoAAMcEADDiAgAAxAQAMOMCAADFBAAw5AIAAMYEACDlAgAApQQAMOYCAAClBAAw5wIAAKUEADDoAgAApQQAMOkCAADIBAAw6gIAAKgEADALGQAAtwQAMBoAALwEADDiAgAAuAQAMOMCAAC5BAAw5AIAALoEACDlAgAAuwQAMOYCAAC7BAAw5wIAALsEADDoAgAAuwQAMOkCAAC9BAAw6gIAAL4EADAGAwAAjQQAIOoBAgAAAAHwAUAAAAABrwICAAAAAcsCAgAAAAHMAgEAAAABAgAAABMAIBkAAMIEACADAAAAEwAgGQAAwgQAIBoAAMEEACABEgAAjwUAMAsDAAC2AwAgCQAAtQMAIOcBAAC0AwAw6AEAABEAEOkBAAC0AwAw6gECAAAAAfABQADuAgAhrwICAOsCACHKAgIA6wIAIcsCAgDrAgAhzAIBAO0CACECAAAAEwAgEgAAwQQAIAIAAAC_BAAgEgAAwAQAIAnnAQAAvgQAMOgBAAC_BAAQ6QEAAL4EADDqAQIA6wIAIfABQADuAgAhrwICAOsCACHKAgIA6wIAIcsCAgDrAgAhzAIBAO0CACEJ5wEAAL4EADDoAQAAvwQAEOkBAAC-BAAw6gECAOsCACHwAUAA7gIAIa8CAgDrAgAhygICAOsCACHLAgIA6wIAIcwCAQDtAgAhBeoBAgDIAwAh8AFAAMoDACGvAgIAyAMAIcsCAgDIAwAhzAIBAMkDACEGAwAAiwQAIOoBAgDIAwAh8AFAAMoDACGvAgIAyAMAIcsCAgDIAwAhzAIBAMkDACEGAwAAjQQAIOoBAgAAAAHwAUAAAAABrwICAAAAAcsCAgAAAAHMAgEAAAABBgQAAJYEACDqAQIAAAABzQICAAAAAc4CAgAAAAHPAhAAAAAB0AIQAAAAAQIAAAAJACAZAADLBAAgAwAAAAkAIBkAAMsEACAaAADKBAAgARIAAI4FADACAAAACQAgEgAAygQAIAIAAACpBAAgEgAAyQQAIAXqAQIAyAMAIc0CAgDIAwAhzgICAMgDACHPAhAAkwQAIdACEACTBAAhBgQAAJQEACDqAQIAyAMAIc0CAgDIAwAhzgICAMgDACHPAhAAkwQAIdACEACTBAAhBgQAAJYEACDqAQIAAAABzQICAAAAAc4CAgAAAAHPAhAAAAAB0AIQAAAAAQMZAACMBQAg4gIAAI0FACDoAgAAMgAgBBkAAMMEADDiAgAAxAQAMOQCAADGBAAg6AIAAKUEADAEGQAAtwQAMOICAAC4BAAw5AIAALoEACDoAgAAuwQAMAAAAAAACxkAANUEADAaAADaBAAw4gIAANYEADDjAgAA1wQAMOQCAADYBAAg5QIAANkEADDmAgAA2QQAMOcCAADZBAAw6AIAANkEADDpAgAA2wQAMOoCAADcBAAwCwgAAM0EACAKAADOBAAg6gECAAAAAfABQAAAAAGGAgEAAAABlAIgAAAAAdUCAQAAAAHXAhAAAAAB2AIQAAAAAdkCAgAAAAHaAgIAAAABAgAAAA0AIBkAAOAEACADAAAADQAgGQAA4AQAIBoAAN8EACABEgAAiwUAMBAHAAC5AwAgCAAAugMAIAoAALMDACDnAQAAtwMAMOgBAAALABDpAQAAtwMAMOoBAgAAAAHwAUAA7gIAIYYCAQDqAgAhlAIgAPkCACHVAgEAAAAB1gICAOsCACHXAhAAuAMAIdgCEAC4AwAh2QICAOsCACHaAgIA6wIAIQIAAAANACASAADfBAAgAgAAAN0EACASAADeBAAgDecBAADcBAAw6AEAAN0EABDpAQAA3AQAMOoBAgDrAgAh8AFAAO4CACGGAgEA6gIAIZQCIAD5AgAh1QIBAOoCACHWAgIA6wIAIdcCEAC4AwAh2AIQALgDACHZAgIA6wIAIdoCAgDrAgAhDecBAADcBAAw6AEAAN0EABDpAQAA3AQAMOoBAgDrAgAh8AFAAO4CACGGAgEA6gIAIZQCIAD5AgAh1QIBAOoCACHWAgIA6wIAIdcCEAC4AwAh2AIQALgDACHZAgIA6wIAIdoCAgDrAgAhCeoBAgDIAwAh8AFAAMoDACGGAgEAxwMAIZQCIADWAwAh1QIBAMcDACHXAhAAkwQAIdgCEACTBAAh2QICAMgDACHaAgIAyAMAIQsIAAC1BAAgCgAAtgQAIOoBAgDIAwAh8AFAAMoDACGGAgEAxwMAIZQCIADWAwAh1QIBAMcDACHXAhAAkwQAIdgCEACTBAAh2QICAMgDACHaAgIAyAMAIQsIAADNBAAgCgAAzgQAIOoBAgAAAAHwAUAAAAABhgIBAAAAAZQCIAAAAAHVAgEAAAAB1wIQAAAAAdgCEAAAAAHZAgIAAAAB2gICAAAAAQQZAADVBAAw4gIAANYEADDkAgAA2AQAIOgCAADZBAAwAAAAAAAAAeUCAAAA3wICCxkAAPQEADAaAAD5BAAw4gIAAPUEADDjAgAA9gQAMOQCAAD3BAAg5QIAAPgEADDmAgAA-AQAMOcCAAD4BAAw6AIAAPgEADDpAgAA-gQAMOoCAAD7BAAwCxkAAOsEADAaAADvBAAw4gIAAOwEADDjAgAA7QQAMOQCAADuBAAg5QIAALsEADDmAgAAuwQAMOcCAAC7BAAw6AIAALsEADDpAgAA8AQAMOoCAAC-BAAwBgkAAIwEACDqAQIAAAAB8AFAAAAAAa8CAgAAAAHKAgIAAAABzAIBAAAAAQIAAAATACAZAADzBAAgAwAAABMAIBkAAPMEACAaAADyBAAgARIAAIoFADACAAAAEwAgEgAA8gQAIAIAAAC_BAAgEgAA8QQAIAXqAQIAyAMAIfABQADKAwAhrwICAMgDACHKAgIAyAMAIcwCAQDJAwAhBgkAAIoEACDqAQIAyAMAIfABQADKAwAhrwICAMgDACHKAgIAyAMAIcwCAQDJAwAhBgkAAIwEACDqAQIAAAAB8AFAAAAAAa8CAgAAAAHKAgIAAAABzAIBAAAAAQYLAACuBAAg6gECAAAAAZMCAAAA0gICtwIQAAAAAdMCAAAA0wIC1AJAAAAAAQIAAAAFACAZAAD_BAAgAwAAAAUAIBkAAP8EACAaAAD-BAAgARIAAIkFADALAwAAtgMAIAsAALoDACDnAQAAvQMAMOgBAAADABDpAQAAvQMAMOoBAgAAAAGTAgAAvgPSAiK3AhAAuAMAIcsCAgDrAgAh0wIAAL8D0wIi1AJAAO4CACECAAAABQAgEgAA_gQAIAIAAAD8BAAgEgAA_QQAIAnnAQAA-wQAMOgBAAD8BAAQ6QEAAPsEADDqAQIA6wIAIZMCAAC-A9ICIrcCEAC4AwAhywICAOsCACHTAgAAvwPTAiLUAkAA7gIAIQnnAQAA-wQAMOgBAAD8BAAQ6QEAAPsEADDqAQIA6wIAIZMCAAC-A9ICIrcCEAC4AwAhywICAOsCACHTAgAAvwPTAiLUAkAA7gIAIQXqAQIAyAMAIZMCAACdBNICIrcCEACTBAAh0wIAAJ4E0wIi1AJAAMoDACEGCwAAoAQAIOoBAgDIAwAhkwIAAJ0E0gIitwIQAJMEACHTAgAAngTTAiLUAkAAygMAIQYLAACuBAAg6gECAAAAAZMCAAAA0gICtwIQAAAAAdMCAAAA0wIC1AJAAAAAAQQZAAD0BAAw4gIAAPUEADDkAgAA9wQAIOgCAAD4BAAwBBkAAOsEADDiAgAA7AQAMOQCAADuBAAg6AIAALsEADAAAAMHAACGBQAgCAAAhwUAIAoAAIMFACACCgAAgwUAIAwAAIIFACABBQAA4gQAIAACAwAAhQUAIAsAAIcFACAF6gECAAAAAZMCAAAA0gICtwIQAAAAAdMCAAAA0wIC1AJAAAAAAQXqAQIAAAAB8AFAAAAAAa8CAgAAAAHKAgIAAAABzAIBAAAAAQnqAQIAAAAB8AFAAAAAAYYCAQAAAAGUAiAAAAAB1QIBAAAAAdcCEAAAAAHYAhAAAAAB2QICAAAAAdoCAgAAAAEC6gECAAAAAYYCAQAAAAECAAAAMgAgGQAAjAUAIAXqAQIAAAABzQICAAAAAc4CAgAAAAHPAhAAAAAB0AIQAAAAAQXqAQIAAAAB8AFAAAAAAa8CAgAAAAHLAgIAAAABzAIBAAAAAQMAAAA1ACAZAACMBQAgGgAAkgUAIAQAAAA1ACASAACSBQAg6gECAMgDACGGAgEAxwMAIQLqAQIAyAMAIYYCAQDHAwAhCAoAAIEFACDqAQIAAAAB8AFAAAAAAYYCAQAAAAHbAgEAAAAB3AIBAAAAAd0CAQAAAAHfAgAAAN8CAgIAAAABACAZAACTBQAgBeoBAgAAAAHKAgIAAAABzgICAAAAAc8CEAAAAAHQAhAAAAABAwAAABwAIBkAAJMFACAaAACYBQAgCgAAABwAIAoAAOoEACASAACYBQAg6gECAMgDACHwAUAAygMAIYYCAQDHAwAh2wIBAMcDACHcAgEAxwMAId0CAQDHAwAh3wIAAOgE3wIiCAoAAOoEACDqAQIAyAMAIfABQADKAwAhhgIBAMcDACHbAgEAxwMAIdwCAQDHAwAh3QIBAMcDACHfAgAA6ATfAiIMBwAAzAQAIAoAAM4EACDqAQIAAAAB8AFAAAAAAYYCAQAAAAGUAiAAAAAB1QIBAAAAAdYCAgAAAAHXAhAAAAAB2AIQAAAAAdkCAgAAAAHaAgIAAAABAgAAAA0AIBkAAJkFACAHAwAArQQAIOoBAgAAAAGTAgAAANICArcCEAAAAAHLAgIAAAAB0wIAAADTAgLUAkAAAAABAgAAAAUAIBkAAJsFACADAAAACwAgGQAAmQUAIBoAAJ8FACAOAAAACwAgBwAAtAQAIAoAALYEACASAACfBQAg6gECAMgDACHwAUAAygMAIYYCAQDHAwAhlAIgANYDACHVAgEAxwMAIdYCAgDIAwAh1wIQAJMEACHYAhAAkwQAIdkCAgDIAwAh2gICAMgDACEMBwAAtAQAIAoAALYEACDqAQIAyAMAIfABQADKAwAhhgIBAMcDACGUAiAA1gMAIdUCAQDHAwAh1gICAMgDACHXAhAAkwQAIdgCEACTBAAh2QICAMgDACHaAgIAyAMAIQMAAAADACAZAACbBQAgGgAAogUAIAkAAAADACADAACfBAAgEgAAogUAIOoBAgDIAwAhkwIAAJ0E0gIitwIQAJMEACHLAgIAyAMAIdMCAACeBNMCItQCQADKAwAhBwMAAJ8EACDqAQIAyAMAIZMCAACdBNICIrcCEACTBAAhywICAMgDACHTAgAAngTTAiLUAkAAygMAIQgMAACABQAg6gECAAAAAfABQAAAAAGGAgEAAAAB2wIBAAAAAdwCAQAAAAHdAgEAAAAB3wIAAADfAgICAAAAAQAgGQAAowUAIAwHAADMBAAgCAAAzQQAIOoBAgAAAAHwAUAAAAABhgIBAAAAAZQCIAAAAAHVAgEAAAAB1gICAAAAAdcCEAAAAAHYAhAAAAAB2QICAAAAAdoCAgAAAAECAAAADQAgGQAApQUAIAMAAAAcACAZAACjBQAgGgAAqQUAIAoAAAAcACAMAADpBAAgEgAAqQUAIOoBAgDIAwAh8AFAAMoDACGGAgEAxwMAIdsCAQDHAwAh3AIBAMcDACHdAgEAxwMAId8CAADoBN8CIggMAADpBAAg6gECAMgDACHwAUAAygMAIYYCAQDHAwAh2wIBAMcDACHcAgEAxwMAId0CAQDHAwAh3wIAAOgE3wIiAwAAAAsAIBkAAKUFACAaAACsBQAgDgAAAAsAIAcAALQEACAIAAC1BAAgEgAArAUAIOoBAgDIAwAh8AFAAMoDACGGAgEAxwMAIZQCIADWAwAh1QIBAMcDACHWAgIAyAMAIdcCEACTBAAh2AIQAJMEACHZAgIAyAMAIdoCAgDIAwAhDAcAALQEACAIAAC1BAAg6gECAMgDACHwAUAAygMAIYYCAQDHAwAhlAIgANYDACHVAgEAxwMAIdYCAgDIAwAh1wIQAJMEACHYAhAAkwQAIdkCAgDIAwAh2gICAMgDACEG6gEEAAAAAfABQAAAAAGxAgIAAAABsgICAAAAAbMCAQAAAAG0AoAAAAABFeoBAQAAAAHwAUAAAAABkwIBAAAAAbUCAQAAAAG2AgIAAAABtwICAAAAAbgCAgAAAAG5AgIAAAABugICAAAAAbsCAgAAAAG8AoAAAAABvQKAAAAAAb4CAQAAAAG_AgEAAAABwAKAAAAAAcECAQAAAAHCAiAAAAABwwIBAAAAAcQCQAAAAAHFAkAAAAABxgJAAAAAAQIAAACjAQAgGQAArgUAIAMAAACrAQAgGQAArgUAIBoAALIFACAXAAAAqwEAIBIAALIFACDqAQEAxwMAIfABQADKAwAhkwIBAMcDACG1AgEAxwMAIbYCAgDIAwAhtwICAOMDACG4AgIAyAMAIbkCAgDIAwAhugICAMgDACG7AgIAyAMAIbwCgAAAAAG9AoAAAAABvgIBAMkDACG_AgEAyQMAIcACgAAAAAHBAgEAyQMAIcICIADWAwAhwwIBAMkDACHEAkAA9AMAIcUCQAD0AwAhxgJAAPQDACEV6gEBAMcDACHwAUAAygMAIZMCAQDHAwAhtQIBAMcDACG2AgIAyAMAIbcCAgDjAwAhuAICAMgDACG5AgIAyAMAIboCAgDIAwAhuwICAMgDACG8AoAAAAABvQKAAAAAAb4CAQDJAwAhvwIBAMkDACHAAoAAAAABwQIBAMkDACHCAiAA1gMAIcMCAQDJAwAhxAJAAPQDACHFAkAA9AMAIcYCQAD0AwAhAwYACgoYBwwGAgMDAAEGAAkLCgMCBAACCQAEBAYACAcABQgQAwoUBwIFDgQGAAYBBQ8AAgMAAQkABAIIFQAKFgABCxcAAgoaAAwZAAAAAAUGAA8fABAgABEhABIiABMAAAAAAAUGAA8fABAgABEhABIiABMAAAUGABgfABkgABohABsiABwAAAAAAAUGABgfABkgABohABsiABwBBwAFAQcABQUGACEfACIgACMhACQiACUAAAAAAAUGACEfACIgACMhACQiACUBAwABAQMAAQUGACofACsgACwhAC0iAC4AAAAAAAUGACofACsgACwhAC0iAC4CBAACCQAEAgQAAgkABAUGADMfADQgADUhADYiADcAAAAAAAUGADMfADQgADUhADYiADcCAwABCQAEAgMAAQkABAUGADwfAD0gAD4hAD8iAEAAAAAAAAUGADwfAD0gAD4hAD8iAEACBgBEdqgBQwF1AEIBdqkBAAAABQYASB8ASSAASiEASyIATAAAAAAABQYASB8ASSAASiEASyIATAF1AEIBdQBCBQYAUR8AUiAAUyEAVCIAVQAAAAAABQYAUR8AUiAAUyEAVCIAVQAAAAUGAFsfAFwgAF0hAF4iAF8AAAAAAAUGAFsfAFwgAF0hAF4iAF8AAAAFBgBlHwBmIABnIQBoIgBpAAAAAAAFBgBlHwBmIABnIQBoIgBpAAAABQYAbx8AcCAAcSEAciIAcwAAAAAABQYAbx8AcCAAcSEAciIAcwAAAAUGAHkfAHogAHshAHwiAH0AAAAAAAUGAHkfAHogAHshAHwiAH0AAAAFBgCDAR8AhAEgAIUBIQCGASIAhwEAAAAAAAUGAIMBHwCEASAAhQEhAIYBIgCHAQ0CAQ4bAQ8eARAfAREgARMiARQkCxUlDBYnARcpCxgqDRsrARwsAR0tCyMwDiQxFCUzBSY0BSc3BSg4BSk5BSo7BSs9Cyw-FS1ABS5CCy9DFjBEBTFFBTJGCzNJFzRKHTVLBDZMBDdNBDhOBDlPBDpRBDtTCzxUHj1WBD5YCz9ZH0BaBEFbBEJcC0NfIERgJkVhAkZiAkdjAkhkAkllAkpnAktpC0xqJ01sAk5uC09vKFBwAlFxAlJyC1N1KVR2L1V3A1Z4A1d5A1h6A1l7A1p9A1t_C1yAATBdggEDXoQBC1-FATFghgEDYYcBA2KIAQtjiwEyZIwBOGWNAQdmjgEHZ48BB2iQAQdpkQEHapMBB2uVAQtslgE5bZgBB26aAQtvmwE6cJwBB3GdAQdyngELc6EBO3SiAUF3pAFCeKoBQnmtAUJ6rgFCe68BQnyxAUJ9swELfrQBRX-2AUKAAbgBC4EBuQFGggG6AUKDAbsBQoQBvAELhQG_AUeGAcABTYcBwQFDiAHCAUOJAcMBQ4oBxAFDiwHFAUOMAccBQ40ByQELjgHKAU6PAcwBQ5ABzgELkQHPAU-SAdABQ5MB0QFDlAHSAQuVAdUBUJYB1gFWlwHYAVeYAdkBV5kB3AFXmgHdAVebAd4BV5wB4AFXnQHiAQueAeMBWJ8B5QFXoAHnAQuhAegBWaIB6QFXowHqAVekAesBC6UB7gFapgHvAWCnAfEBYagB8gFhqQH1AWGqAfYBYasB9wFhrAH5AWGtAfsBC64B_AFirwH-AWGwAYACC7EBgQJjsgGCAmGzAYMCYbQBhAILtQGHAmS2AYgCarcBigJruAGLAmu5AY4Ca7oBjwJruwGQAmu8AZICa70BlAILvgGVAmy_AZcCa8ABmQILwQGaAm3CAZsCa8MBnAJrxAGdAgvFAaACbsYBoQJ0xwGjAnXIAaQCdckBpwJ1ygGoAnXLAakCdcwBqwJ1zQGtAgvOAa4Cds8BsAJ10AGyAgvRAbMCd9IBtAJ10wG1AnXUAbYCC9UBuQJ41gG6An7XAbwCf9gBvQJ_2QHAAn_aAcECf9sBwgJ_3AHEAn_dAcYCC94BxwKAAd8ByQJ_4AHLAgvhAcwCgQHiAc0Cf-MBzgJ_5AHPAgvlAdICggHmAdMCiAE"
};
async function decodeBase64AsWasm(wasmBase64) {
  const { Buffer } = await import("node:buffer");
  const wasmArray = Buffer.from(wasmBase64, "base64");
  return new WebAssembly.Module(wasmArray);
}
config.compilerWasm = {
  getRuntime: async () => await import("@prisma/client/runtime/query_compiler_fast_bg.postgresql.mjs"),
  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_fast_bg.postgresql.wasm-base64.mjs");
    return await decodeBase64AsWasm(wasm);
  },
  importName: "./query_compiler_fast_bg.js"
};
function getPrismaClientClass() {
  return runtime.getPrismaClient(config);
}
export {
  getPrismaClientClass
};
