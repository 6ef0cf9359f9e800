/**
 * Pipelines: an ordered list of steps (quality gate, train, batch inference)
 * run as one parent PIPELINE job. Each step is a child job of its own; the
 * parent's progress names the current step and relays its progress; a failed
 * step (or a quality score under the gate's threshold) fails the parent and
 * stops the steps after it. Resuming a parent finds its step jobs again by
 * idempotency key, so no step runs twice.
 */
import { BadUserInputError, type InputProblem } from "../errors.js";
import type { JobContext, JobEngine, JobHandler, JobKind, JobRecord, JobResult } from "../jobs/index.js";
import { TERMINAL_STATUSES } from "../jobs/index.js";
import type { Logger } from "../log.js";

export type PipelineStep =
  | { kind: "QUALITY_GATE"; params: { table: string; columns?: string[] | null; rules?: unknown[] | null }; minScore: number }
  | { kind: "TRAIN"; params: Record<string, unknown> }
  | { kind: "BATCH_INFERENCE"; params: Record<string, unknown> };

export interface PipelineParams {
  name: string | null;
  steps: PipelineStep[];
}

interface Checkpoint {
  stepJobs: Array<string | null>;
}

export interface PipelineView {
  job: JobRecord;
  name: string | null;
  /** Index of the step running now (or the last one run). */
  currentStep: number | null;
  steps: Array<{ index: number; kind: PipelineStep["kind"]; job: JobRecord | null }>;
}

const jobKindOf: Record<PipelineStep["kind"], JobKind> = { QUALITY_GATE: "QUALITY", TRAIN: "TRAIN", BATCH_INFERENCE: "BATCH_INFERENCE" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function pipelineProblems(p: PipelineParams): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!Array.isArray(p?.steps) || p.steps.length === 0) return [{ field: "steps", message: "expected at least one step" }];
  if (p.steps.length > 20) problems.push({ field: "steps", message: `at most 20 steps; got ${p.steps.length}` });
  p.steps.forEach((s, i) => {
    if (!s || !(s.kind in jobKindOf)) problems.push({ field: `steps[${i}]`, message: "set exactly one of qualityGate, train, batchInference" });
    else if (s.kind === "QUALITY_GATE" && !(s.minScore >= 0 && s.minScore <= 100)) problems.push({ field: `steps[${i}].qualityGate.minScore`, message: `expected 0–100; got ${s.minScore}` });
  });
  return problems;
}

export class PipelineService {
  private readonly log: Logger;
  constructor(
    private readonly jobs: JobEngine,
    log: Logger,
    private readonly pollMs = 100,
  ) {
    this.log = log.child({ component: "pipeline" });
    jobs.register(this.handler());
  }

  /** Turns the GraphQL shape (one field set per step) into steps; two fields or none in a step is an input error. */
  async submitInput(input: { name?: string | null; steps: Array<{ qualityGate?: unknown; train?: unknown; batchInference?: unknown }> }, waitMs = 0): Promise<JobRecord> {
    const problems: InputProblem[] = [];
    const steps = (input.steps ?? []).map((s, i): PipelineStep => {
      const set = (["qualityGate", "train", "batchInference"] as const).filter((k) => s[k] !== null && s[k] !== undefined);
      if (set.length !== 1) problems.push({ field: `steps[${i}]`, message: `set exactly one of qualityGate, train, batchInference; got ${set.length ? set.join(" and ") : "none"}` });
      if (s.qualityGate) {
        const q = s.qualityGate as { table: string; columns?: string[] | null; minScore: number };
        return { kind: "QUALITY_GATE", params: { table: q.table, columns: q.columns ?? null }, minScore: q.minScore };
      }
      if (s.train) return { kind: "TRAIN", params: { ...(s.train as object) } };
      const b = (s.batchInference ?? {}) as { model: string; version?: number | null; source: unknown; output?: { column?: string | null } | null };
      return { kind: "BATCH_INFERENCE", params: { model: b.model, version: b.version ?? null, source: b.source, outputColumn: b.output?.column ?? null } };
    });
    if (problems.length) throw new BadUserInputError(`runPipeline input has ${problems.length} problem(s): ${problems.map((x) => `${x.field}: ${x.message}`).join("; ")}.`, { problems });
    return this.submit({ name: input.name ?? null, steps }, waitMs);
  }

  async submit(params: PipelineParams, waitMs = 0): Promise<JobRecord> {
    const job = await this.jobs.submit({ kind: "PIPELINE", params, total: params.steps?.length ?? null });
    return waitMs > 0 ? this.jobs.waitFor(job.id, Math.min(waitMs, 600_000)) : job;
  }

  async view(id: string): Promise<PipelineView> {
    const job = await this.jobs.require(id);
    if (job.kind !== "PIPELINE") throw new BadUserInputError(`Job ${id} is a ${job.kind} job, not a pipeline.`);
    const params = job.parameters as PipelineParams;
    const stepJobs = (job.checkpoint as Checkpoint | null)?.stepJobs ?? [];
    const steps = await Promise.all(params.steps.map(async (s, index) => ({ index, kind: s.kind, job: stepJobs[index] ? await this.jobs.get(stepJobs[index]!) : null })));
    const started = steps.filter((s) => s.job);
    return { job, name: params.name ?? null, currentStep: started.length ? started[started.length - 1]!.index : null, steps };
  }

  private handler(): JobHandler<PipelineParams, Checkpoint> {
    return {
      kind: "PIPELINE",
      validate: (raw) => {
        const p = raw as PipelineParams;
        const problems = pipelineProblems(p);
        if (problems.length) throw new BadUserInputError(`runPipeline input has ${problems.length} problem(s): ${problems.map((x) => `${x.field}: ${x.message}`).join("; ")}.`, { problems });
        return { name: p.name ?? null, steps: p.steps };
      },
      run: (ctx) => this.run(ctx),
    };
  }

  private async run(ctx: JobContext<PipelineParams, Checkpoint>): Promise<JobResult> {
    const { steps } = ctx.params;
    const stepJobs: Array<string | null> = ctx.checkpoint?.stepJobs ?? steps.map(() => null);
    const n = steps.length;
    const summary: Array<{ kind: string; jobId: string; status: string; result: unknown }> = [];
    for (let i = 0; i < n; i++) {
      const step = steps[i]!;
      const label = `step ${i + 1}/${n} ${step.kind}`;
      let child: JobRecord;
      if (stepJobs[i]) child = await this.jobs.require(stepJobs[i]!);
      else {
        try {
          child = await this.jobs.submit({ kind: jobKindOf[step.kind], params: step.params, idempotencyKey: `pipeline:${ctx.jobId}:${i}` });
        } catch (err) {
          throw new Error(`${label} was refused: ${(err as Error).message}`);
        }
        stepJobs[i] = child.id;
        await ctx.checkpointAfterBatch({ checkpoint: { stepJobs }, accepted: 0, rejected: [], retried: 0 });
      }
      await ctx.progress(i, n, `${label}: started (job ${child.id})`);
      // Run the step here when no runner slot has taken it, so a full runner cannot deadlock on its own pipelines.
      const local = TERMINAL_STATUSES.has(child.status) ? null : this.jobs.execute(child.id).catch(() => "skipped");
      let last = "";
      for (;;) {
        child = await this.jobs.require(child.id);
        const msg = `${label}: ${child.message ?? child.status.toLowerCase()}`;
        if (msg !== last) {
          await ctx.progress(i, n, msg);
          last = msg;
        }
        if (TERMINAL_STATUSES.has(child.status)) break;
        if (ctx.signal.aborted) {
          await this.jobs.cancel(child.id).catch(() => {});
          throw new Error(`pipeline stopped during ${label}`);
        }
        await sleep(this.pollMs);
      }
      await local;
      if (child.status === "FAILED" || child.status === "CANCELLED") {
        throw new Error(`${label} ${child.status === "FAILED" ? "failed" : "was cancelled"}: ${child.error ?? child.message ?? "no reason given"}`);
      }
      if (step.kind === "QUALITY_GATE") {
        const score = (child.result as { score?: number } | null)?.score;
        if (typeof score !== "number" || score < step.minScore) {
          throw new Error(`${label} failed: quality score ${score} of ${step.params.table} is under the threshold ${step.minScore}`);
        }
      }
      summary.push({ kind: step.kind, jobId: child.id, status: child.status, result: child.result });
      await ctx.progress(i + 1, n, `${label}: ${child.status.toLowerCase()}`);
    }
    this.log.info({ jobId: ctx.jobId, steps: n }, "pipeline finished");
    return { accepted: n, rejected: 0, result: { steps: summary } };
  }
}
