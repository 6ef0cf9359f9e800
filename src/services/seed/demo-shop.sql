-- The demo shop: six tables and three enums in the database's own schema
-- (public), created by the seed service (npm run seed, SEED_ON_START) inside
-- the transaction that fills them, with search_path set to that schema.
-- Not a gateway migration: the demo is data, like any user's tables.
--
-- Idempotent: it creates what is missing and writes the comments again.
-- The comments are what the catalog (and NL questions) know of the demo:
-- a description, "Synonyms: ..." and "Definition: ..." lines, and a leading
-- "@name X" line (a PostGraphile-style smart comment) giving the name the
-- API and ingest also accept for a table or column (Order, orderedAt).

DO $$ BEGIN
  CREATE TYPE "CustomerSegment" AS ENUM ('CONSUMER', 'SMB', 'ENTERPRISE');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

DO $$ BEGIN
  CREATE TYPE "OrderStatus" AS ENUM ('PENDING', 'PAID', 'SHIPPED', 'DELIVERED', 'CANCELLED', 'REFUNDED');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

DO $$ BEGIN
  CREATE TYPE "SalesChannel" AS ENUM ('WEB', 'MOBILE', 'STORE');
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;

CREATE TABLE IF NOT EXISTS "customers" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "country" CHAR(2) NOT NULL,
    "city" TEXT NOT NULL,
    "segment" "CustomerSegment" NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "customers_pkey" PRIMARY KEY ("id")
);

CREATE TABLE IF NOT EXISTS "categories" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "categories_pkey" PRIMARY KEY ("id")
);

CREATE TABLE IF NOT EXISTS "products" (
    "id" SERIAL NOT NULL,
    "sku" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category_id" INTEGER NOT NULL,
    "price" DECIMAL(10,2) NOT NULL,
    "cost" DECIMAL(10,2) NOT NULL,
    "stock" INTEGER NOT NULL,
    "reorder_level" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "products_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "products_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE IF NOT EXISTS "orders" (
    "id" SERIAL NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "status" "OrderStatus" NOT NULL,
    "channel" "SalesChannel" NOT NULL,
    "ordered_at" TIMESTAMPTZ(6) NOT NULL,
    "total" DECIMAL(12,2) NOT NULL,
    CONSTRAINT "orders_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "orders_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

CREATE TABLE IF NOT EXISTS "order_items" (
    "id" SERIAL NOT NULL,
    "order_id" INTEGER NOT NULL,
    "product_id" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price" DECIMAL(10,2) NOT NULL,
    "discount" DECIMAL(4,3) NOT NULL DEFAULT 0,
    CONSTRAINT "order_items_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "order_items_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "order_items_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "order_items_quantity_check" CHECK ("quantity" >= 1),
    CONSTRAINT "order_items_discount_check" CHECK ("discount" >= 0 AND "discount" <= 1)
);

CREATE TABLE IF NOT EXISTS "reviews" (
    "id" SERIAL NOT NULL,
    "product_id" INTEGER NOT NULL,
    "customer_id" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "body" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "reviews_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "reviews_product_id_fkey" FOREIGN KEY ("product_id") REFERENCES "products"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "reviews_customer_id_fkey" FOREIGN KEY ("customer_id") REFERENCES "customers"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "reviews_rating_check" CHECK ("rating" BETWEEN 1 AND 5)
);

CREATE UNIQUE INDEX IF NOT EXISTS "customers_email_key" ON "customers"("email");
CREATE INDEX IF NOT EXISTS "customers_country_idx" ON "customers"("country");
CREATE UNIQUE INDEX IF NOT EXISTS "categories_name_key" ON "categories"("name");
CREATE UNIQUE INDEX IF NOT EXISTS "products_sku_key" ON "products"("sku");
CREATE INDEX IF NOT EXISTS "products_category_id_idx" ON "products"("category_id");
CREATE INDEX IF NOT EXISTS "orders_customer_id_idx" ON "orders"("customer_id");
CREATE INDEX IF NOT EXISTS "orders_ordered_at_idx" ON "orders"("ordered_at");
CREATE INDEX IF NOT EXISTS "orders_status_idx" ON "orders"("status");
CREATE INDEX IF NOT EXISTS "order_items_order_id_idx" ON "order_items"("order_id");
CREATE INDEX IF NOT EXISTS "order_items_product_id_idx" ON "order_items"("product_id");
CREATE INDEX IF NOT EXISTS "reviews_product_id_idx" ON "reviews"("product_id");
CREATE INDEX IF NOT EXISTS "reviews_customer_id_idx" ON "reviews"("customer_id");

COMMENT ON TYPE "CustomerSegment" IS 'Kind of customer account.';
COMMENT ON TYPE "OrderStatus" IS 'Lifecycle state of an order. CANCELLED and REFUNDED orders do not count as revenue.';
COMMENT ON TYPE "SalesChannel" IS 'Where an order was placed.';

COMMENT ON TABLE "customers" IS E'@name Customer\nA person or company that buys from the shop.\nSynonyms: users, clients, buyers, accounts, shoppers.';
COMMENT ON COLUMN "customers"."email" IS 'Contact e-mail address, unique per customer.';
COMMENT ON COLUMN "customers"."name" IS 'Full name of the customer.';
COMMENT ON COLUMN "customers"."country" IS 'ISO 3166-1 alpha-2 country code, e.g. DE for Germany, US for the United States.';
COMMENT ON COLUMN "customers"."city" IS 'City of the customer''s address.';
COMMENT ON COLUMN "customers"."segment" IS 'Customer segment: CONSUMER, SMB (small business) or ENTERPRISE.';
COMMENT ON COLUMN "customers"."created_at" IS E'@name createdAt\nSignup time: when the customer registered. Synonyms: signed up, joined, registered.';

COMMENT ON TABLE "categories" IS E'@name Category\nA product category. Synonyms: departments, product groups.';
COMMENT ON COLUMN "categories"."name" IS 'Category name, unique.';

COMMENT ON TABLE "products" IS E'@name Product\nSomething the shop sells. Synonyms: items, goods, SKUs, articles.';
COMMENT ON COLUMN "products"."sku" IS 'Stock keeping unit, unique product code.';
COMMENT ON COLUMN "products"."name" IS 'Product name.';
COMMENT ON COLUMN "products"."category_id" IS '@name categoryId';
COMMENT ON COLUMN "products"."price" IS 'List price per unit. Synonyms: list price.';
COMMENT ON COLUMN "products"."cost" IS 'Unit cost to the shop.';
COMMENT ON COLUMN "products"."stock" IS 'Units on hand. Synonyms: inventory, units in stock.';
COMMENT ON COLUMN "products"."reorder_level" IS E'@name reorderLevel\nReorder level: stock at or below it means "low stock".';
COMMENT ON COLUMN "products"."active" IS 'Whether the product is currently sold. Inactive products are discontinued.';
COMMENT ON COLUMN "products"."created_at" IS E'@name createdAt\nWhen the product was added to the catalogue.';

COMMENT ON TABLE "orders" IS E'@name Order\nA customer''s order. Synonyms: purchases, sales, transactions.\nDefinition: revenue (also "sales") is the sum of orders.total over orders whose status is not CANCELLED or REFUNDED.';
COMMENT ON COLUMN "orders"."customer_id" IS '@name customerId';
COMMENT ON COLUMN "orders"."status" IS 'Order status.';
COMMENT ON COLUMN "orders"."channel" IS 'Sales channel the order was placed through.';
COMMENT ON COLUMN "orders"."ordered_at" IS E'@name orderedAt\nWhen the order was placed. Synonyms: order date, placed.';
COMMENT ON COLUMN "orders"."total" IS 'Order total: sum of its items'' quantity * unit_price * (1 - discount), rounded to cents. Synonyms: amount, value.';

COMMENT ON TABLE "order_items" IS E'@name OrderItem\nOne line of an order. Synonyms: line items, order lines.';
COMMENT ON COLUMN "order_items"."order_id" IS '@name orderId';
COMMENT ON COLUMN "order_items"."product_id" IS '@name productId';
COMMENT ON COLUMN "order_items"."quantity" IS 'Units ordered, at least 1.';
COMMENT ON COLUMN "order_items"."unit_price" IS E'@name unitPrice\nPrice per unit at the time of the order.';
COMMENT ON COLUMN "order_items"."discount" IS 'Discount as a fraction from 0 to 1.';

COMMENT ON TABLE "reviews" IS E'@name Review\nA customer''s review of a product. Synonyms: ratings, feedback.';
COMMENT ON COLUMN "reviews"."product_id" IS '@name productId';
COMMENT ON COLUMN "reviews"."customer_id" IS '@name customerId';
COMMENT ON COLUMN "reviews"."rating" IS 'Star rating from 1 to 5.';
COMMENT ON COLUMN "reviews"."body" IS 'Review text, may be empty.';
COMMENT ON COLUMN "reviews"."created_at" IS E'@name createdAt\nWhen the review was written.';
