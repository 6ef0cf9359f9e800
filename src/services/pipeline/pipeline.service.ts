/**
 * Pipelines: an ordered list of steps (ingest, quality gate, transform, train,
 * batch inference) run as one parent PIPELINE job. Each step is a job of its
 * own (an ingest step may adopt an existing ingest job); the parent's progress
 * names the current step and relays its progress; a failed step (a quality
 * score under the gate's threshold, an ingest that rejected too much) fails
 * the parent with the step and the reason and stops the steps after it.
 * Resuming a parent finds its step jobs again (checkpoint, then idempotency
 * key), so no step runs twice.
 */
import { BadUserInputError, ErrorCode, GatewayError, type InputProblem } from "../errors.js";
import type { JobContext, JobEngine, JobHandler, JobKind, JobRecord, JobResult } from "../jobs/index.js";
import { TERMINAL_STATUSES } from "../jobs/index.js";
import type { Logger } from "../log.js";
import { checkPipeline, pipelineProblems, type PipelineIn, type PipelineParams, type PipelineStep, type StepServices } from "./pipeline.steps.js";

export type { PipelineParams, PipelineStep } from "./pipeline.steps.js";
export { pipelineProblems } from "./pipeline.steps.js";

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

const jobKindOf: Record<Exclude<PipelineStep["kind"], "INGEST" | "TRANSFORM">, JobKind> = { QUALITY_GATE: "QUALITY", TRAIN: "TRAIN", BATCH_INFERENCE: "BATCH_INFERENCE" };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const listProblems = (problems: InputProblem[]) => `runPipeline input has ${problems.length} problem(s): ${problems.map((x) => `${x.field}: ${x.message}`).join("; ")}.`;
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export class PipelineService {
  private readonly log: Logger;
  constructor(
    private readonly jobs: JobEngine,
    log: Logger,
    private readonly services: Omit<StepServices, "jobs">,
    private readonly pollMs = 100,
  ) {
    this.log = log.child({ component: "pipeline" });
    jobs.register(this.handler());
  }

  /**
   * Checks the whole pipeline — each step's input by the service that owns it, and the step
   * order — and refuses it with every problem at once; LLM rules without a chat model make
   * that an LLM_UNAVAILABLE. Nothing runs unless every step can.
   */
  async submitInput(input: PipelineIn, waitMs = 0): Promise<JobRecord> {
    const { params, problems, llmUnavailable } = await checkPipeline(input, { ...this.services, jobs: this.jobs });
    if (problems.length) {
      if (llmUnavailable) throw new GatewayError(ErrorCode.LLM_UNAVAILABLE, `${listProblems(problems)} Configure a chat model (LLM_PROVIDER, LLM_MODEL…) or replace the llm rules; nothing was run.`, { problems });
      throw new BadUserInputError(listProblems(problems), { problems });
    }
    return this.submit(params, waitMs);
  }

  async submit(params: PipelineParams, waitMs = 0): Promise<JobRecord> {
    const job = await this.jobs.submit({ kind: "PIPELINE", params, total: params.steps?.length ?? null });
    return waitMs > 0 ? this.jobs.waitFor(job.id, Math.min(waitMs, 600_000)) : job;
  }

  /** The pipeline with this job id; null when no job has it, BAD_USER_INPUT when the job is not a pipeline. */
  async find(id: string): Promise<PipelineView | null> {
    const job = await this.jobs.get(id);
    return job ? this.viewOf(job) : null;
  }

  private async viewOf(job: JobRecord): Promise<PipelineView> {
    const id = job.id;
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
        if (problems.length) throw new BadUserInputError(listProblems(problems), { problems });
        return { name: p.name ?? null, steps: p.steps };
      },
      run: (ctx) => this.run(ctx),
    };
  }

  /** Submits (or, for an ingest fromJob, adopts) the job of step i; idempotent per pipeline and step. */
  private async startStep(pipelineId: string, i: number, step: PipelineStep): Promise<JobRecord> {
    const idempotencyKey = `pipeline:${pipelineId}:${i}`;
    switch (step.kind) {
      case "INGEST":
        if (step.fromJob) return this.jobs.require(step.fromJob);
        return this.services.transform.submit({ ...step.copy!, idempotencyKey });
      case "TRANSFORM":
        return this.services.transform.submit({ ...step.params, idempotencyKey });
      default:
        return this.jobs.submit({ kind: jobKindOf[step.kind], params: step.params, idempotencyKey });
    }
  }

  /** Why a finished step job fails the pipeline, or null when the pipeline goes on. */
  private verdict(step: PipelineStep, child: JobRecord): string | null {
    if (child.status === "FAILED") return `failed: ${child.error ?? child.message ?? "no reason given"}`;
    if (child.status === "CANCELLED") return `was cancelled: ${child.error ?? child.message ?? "no reason given"}`;
    if (step.kind === "INGEST" && child.status === "PARTIAL") {
      const seen = child.accepted + child.rejected;
      const share = seen ? child.rejected / seen : 0;
      if (share > step.maxRejectedFraction) {
        return `failed: job ${child.id} rejected ${child.rejected} of ${seen} records (${pct(share)}), more than maxRejectedFraction ${step.maxRejectedFraction}; see rejectedRecords(jobId: "${child.id}")`;
      }
    }
    if (step.kind === "QUALITY_GATE") {
      const score = (child.result as { score?: number } | null)?.score;
      if (typeof score !== "number" || score < step.minScore) return `failed: quality score ${score} of ${step.params.table} is under the threshold ${step.minScore}`;
    }
    return null;
  }

  private async run(ctx: JobContext<PipelineParams, Checkpoint>): Promise<JobResult> {
    const { steps } = ctx.params;
    const stepJobs: Array<string | null> = ctx.checkpoint?.stepJobs ?? steps.map(() => null);
    const n = steps.length;
    const summary: Array<{ kind: string; jobId: string; status: string; result: unknown }> = [];
    for (let i = 0; i < n; i++) {
      const step = steps[i]!;
      const label = `step ${i + 1}/${n} ${step.kind}`;
      // An adopted ingest job belongs to whoever started it: cancelling the pipeline stops waiting for it, not the job.
      const owned = !(step.kind === "INGEST" && step.fromJob);
      let child: JobRecord;
      if (stepJobs[i]) child = await this.jobs.require(stepJobs[i]!);
      else {
        try {
          child = await this.startStep(ctx.jobId, i, step);
        } catch (err) {
          throw new Error(`${label} was refused: ${(err as Error).message}`);
        }
        stepJobs[i] = child.id;
        await ctx.checkpointAfterBatch({ checkpoint: { stepJobs }, accepted: 0, rejected: [], retried: 0 });
      }
      await ctx.progress(i, n, `${label}: ${owned ? "started" : "waiting for"} job ${child.id}`);
      // Run the step here when no runner slot has taken it, so a full runner cannot deadlock on its own pipelines.
      const local = TERMINAL_STATUSES.has(child.status) ? null : this.jobs.execute(child.id).catch(() => "skipped");
      let last = "";
      for (;;) {
        child = await this.jobs.require(child.id);
        // Row counts where they mean rows (ingest, transform, batch inference); stage-based jobs say their stage in the message.
        const of = child.total !== null && child.done <= child.total ? `, ${child.done}/${child.total}` : "";
        const msg = `${label} (job ${child.id}${of}): ${child.message ?? child.status.toLowerCase()}`;
        if (msg !== last) {
          await ctx.progress(i, n, msg);
          last = msg;
        }
        if (TERMINAL_STATUSES.has(child.status)) break;
        if (ctx.signal.aborted) {
          // Cancelled: the step goes with it. Shutting down: the step is released like the pipeline, and both resume elsewhere.
          if (ctx.signal.reason === "cancel" && owned) await this.jobs.cancel(child.id).catch(() => {});
          await local;
          this.log.info({ jobId: ctx.jobId, step: i, reason: String(ctx.signal.reason) }, "pipeline stopped");
          return { accepted: i, rejected: 0, result: { steps: summary, stoppedAt: { step: i, kind: step.kind, jobId: child.id } } };
        }
        await sleep(this.pollMs);
      }
      await local;
      const why = this.verdict(step, child);
      if (why) throw new Error(`${label} ${why}`);
      summary.push({ kind: step.kind, jobId: child.id, status: child.status, result: child.result });
      await ctx.progress(i + 1, n, `${label}: ${child.status.toLowerCase()}`);
    }
    this.log.info({ jobId: ctx.jobId, steps: n }, "pipeline finished");
    return { accepted: n, rejected: 0, result: { steps: summary } };
  }
}
