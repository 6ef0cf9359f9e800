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

-- CreateIndex
CREATE UNIQUE INDEX "jobs_idempotency_key_key" ON "jobs"("idempotency_key");

-- CreateIndex
CREATE INDEX "jobs_status_idx" ON "jobs"("status");

-- CreateIndex
CREATE INDEX "jobs_kind_created_at_idx" ON "jobs"("kind", "created_at");

-- CreateIndex
CREATE INDEX "rejected_records_job_id_id_idx" ON "rejected_records"("job_id", "id");

-- AddForeignKey
ALTER TABLE "rejected_records" ADD CONSTRAINT "rejected_records_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
