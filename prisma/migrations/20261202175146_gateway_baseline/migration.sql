-- CreateTable
CREATE TABLE "jobs" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "retried" INTEGER NOT NULL DEFAULT 0,
    "batches" INTEGER NOT NULL DEFAULT 0,
    "parameters" JSONB NOT NULL DEFAULT '{}',
    "result" JSONB,
    "error" TEXT,
    "message" TEXT,
    "checkpoint" JSONB,
    "idempotency_key" TEXT,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "runner" TEXT,
    "heartbeat_at" TIMESTAMPTZ(6),
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(6),
    "finished_at" TIMESTAMPTZ(6),

    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rejected_records" (
    "id" BIGSERIAL NOT NULL,
    "job_id" UUID NOT NULL,
    "batch" INTEGER NOT NULL,
    "row_index" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "record" JSONB,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rejected_records_pkey" PRIMARY KEY ("id")
);

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

-- CreateTable
CREATE TABLE "ml_models" (
    "id" SERIAL NOT NULL,
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "task" TEXT NOT NULL,
    "algorithm" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "source" JSONB NOT NULL,
    "feature_schema" JSONB NOT NULL,
    "preparation" JSONB NOT NULL,
    "metrics" JSONB NOT NULL,
    "params" JSONB NOT NULL,
    "artifact" JSONB NOT NULL,
    "rows_used" INTEGER NOT NULL,
    "training_ms" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ml_models_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quality_reports" (
    "id" SERIAL NOT NULL,
    "table_name" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "row_count" INTEGER NOT NULL,
    "report" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quality_reports_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "predictions" (
    "id" BIGSERIAL NOT NULL,
    "model_name" TEXT NOT NULL,
    "model_version" INTEGER NOT NULL,
    "row_key" TEXT NOT NULL,
    "prediction" JSONB NOT NULL,
    "job_id" TEXT,
    "created_at" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "predictions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "jobs_idempotency_key_key" ON "jobs"("idempotency_key");

-- CreateIndex
CREATE INDEX "jobs_status_idx" ON "jobs"("status");

-- CreateIndex
CREATE INDEX "jobs_kind_created_at_idx" ON "jobs"("kind", "created_at");

-- CreateIndex
CREATE INDEX "rejected_records_job_id_id_idx" ON "rejected_records"("job_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "query_log_query_id_key" ON "query_log"("query_id");

-- CreateIndex
CREATE INDEX "query_log_created_at_idx" ON "query_log"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "nl_examples_normalized_key" ON "nl_examples"("normalized");

-- CreateIndex
CREATE INDEX "ml_models_name_active_idx" ON "ml_models"("name", "active");

-- CreateIndex
CREATE UNIQUE INDEX "ml_models_name_version_key" ON "ml_models"("name", "version");

-- CreateIndex
CREATE INDEX "quality_reports_table_name_created_at_idx" ON "quality_reports"("table_name", "created_at");

-- CreateIndex
CREATE INDEX "predictions_model_name_model_version_row_key_idx" ON "predictions"("model_name", "model_version", "row_key");

-- CreateIndex
CREATE INDEX "predictions_job_id_idx" ON "predictions"("job_id");

-- AddForeignKey
ALTER TABLE "rejected_records" ADD CONSTRAINT "rejected_records_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
