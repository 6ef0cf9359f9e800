-- CreateTable
CREATE TABLE "query_log" (
    "id" SERIAL NOT NULL,
    "query_id" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "sql" TEXT,
    "interpretation" TEXT,
    "source" TEXT,
    "status" TEXT NOT NULL,
    "error_code" TEXT,
    "error_message" TEXT,
    "row_count" INTEGER,
    "truncated" BOOLEAN NOT NULL DEFAULT false,
    "cached" BOOLEAN NOT NULL DEFAULT false,
    "tables" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "translate_ms" DOUBLE PRECISION,
    "execute_ms" DOUBLE PRECISION,
    "total_ms" DOUBLE PRECISION NOT NULL,
    "llm_calls" INTEGER NOT NULL DEFAULT 0,
    "llm_prompt_tokens" INTEGER,
    "llm_completion_tokens" INTEGER,
    "llm_ms" DOUBLE PRECISION,
    "catalog_version" TEXT NOT NULL,
    "rating" BOOLEAN,
    "corrected_sql" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "query_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "nl_examples" (
    "id" SERIAL NOT NULL,
    "question" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "sql" TEXT NOT NULL,
    "interpretation" TEXT,
    "tables" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "origin" TEXT NOT NULL,
    "query_id" TEXT,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "nl_examples_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "query_log_query_id_key" ON "query_log"("query_id");

-- CreateIndex
CREATE INDEX "query_log_created_at_idx" ON "query_log"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "nl_examples_normalized_key" ON "nl_examples"("normalized");
