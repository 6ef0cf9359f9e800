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
CREATE INDEX "ml_models_name_active_idx" ON "ml_models"("name", "active");

-- CreateIndex
CREATE UNIQUE INDEX "ml_models_name_version_key" ON "ml_models"("name", "version");

-- CreateIndex
CREATE INDEX "quality_reports_table_name_created_at_idx" ON "quality_reports"("table_name", "created_at");

-- CreateIndex
CREATE INDEX "predictions_model_name_model_version_row_key_idx" ON "predictions"("model_name", "model_version", "row_key");

-- CreateIndex
CREATE INDEX "predictions_job_id_idx" ON "predictions"("job_id");
