import { BadUserInputError, ErrorCode, GatewayError } from "../errors.js";
import { TERMINAL_STATUSES } from "../jobs/index.js";
import { checkPipeline, pipelineProblems } from "./pipeline.steps.js";
import { pipelineProblems as pipelineProblems2 } from "./pipeline.steps.js";
const jobKindOf = { QUALITY_GATE: "QUALITY", TRAIN: "TRAIN", BATCH_INFERENCE: "BATCH_INFERENCE" };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const listProblems = (problems) => `runPipeline input has ${problems.length} problem(s): ${problems.map((x) => `${x.field}: ${x.message}`).join("; ")}.`;
const pct = (x) => `${(x * 100).toFixed(1)} %`;
class PipelineService {
  constructor(jobs, log, services, pollMs = 100) {
    this.jobs = jobs;
    this.services = services;
    this.pollMs = pollMs;
    this.log = log.child({ component: "pipeline" });
    jobs.register(this.handler());
  }
  jobs;
  services;
  pollMs;
  log;
  /**
   * Checks the whole pipeline — each step's input by the service that owns it, and the step
   * order — and refuses it with every problem at once; LLM rules without a chat model make
   * that an LLM_UNAVAILABLE. Nothing runs unless every step can.
   */
  async submitInput(input, waitMs = 0) {
    const { params, problems, llmUnavailable } = await checkPipeline(input, { ...this.services, jobs: this.jobs });
    if (problems.length) {
      if (llmUnavailable) throw new GatewayError(ErrorCode.LLM_UNAVAILABLE, `${listProblems(problems)} Configure a chat model (LLM_PROVIDER, LLM_MODEL\u2026) or replace the llm rules; nothing was run.`, { problems });
      throw new BadUserInputError(listProblems(problems), { problems });
    }
    return this.submit(params, waitMs);
  }
  async submit(params, waitMs = 0) {
    const job = await this.jobs.submit({ kind: "PIPELINE", params, total: params.steps?.length ?? null });
    return waitMs > 0 ? this.jobs.waitFor(job.id, Math.min(waitMs, 6e5)) : job;
  }
  async view(id) {
    const job = await this.jobs.require(id);
    if (job.kind !== "PIPELINE") throw new BadUserInputError(`Job ${id} is a ${job.kind} job, not a pipeline.`);
    const params = job.parameters;
    const stepJobs = job.checkpoint?.stepJobs ?? [];
    const steps = await Promise.all(params.steps.map(async (s, index) => ({ index, kind: s.kind, job: stepJobs[index] ? await this.jobs.get(stepJobs[index]) : null })));
    const started = steps.filter((s) => s.job);
    return { job, name: params.name ?? null, currentStep: started.length ? started[started.length - 1].index : null, steps };
  }
  handler() {
    return {
      kind: "PIPELINE",
      validate: (raw) => {
        const p = raw;
        const problems = pipelineProblems(p);
        if (problems.length) throw new BadUserInputError(listProblems(problems), { problems });
        return { name: p.name ?? null, steps: p.steps };
      },
      run: (ctx) => this.run(ctx)
    };
  }
  /** Submits (or, for an ingest fromJob, adopts) the job of step i; idempotent per pipeline and step. */
  async startStep(pipelineId, i, step) {
    const idempotencyKey = `pipeline:${pipelineId}:${i}`;
    switch (step.kind) {
      case "INGEST":
        if (step.fromJob) return this.jobs.require(step.fromJob);
        return this.services.transform.submit({ ...step.copy, idempotencyKey });
      case "TRANSFORM":
        return this.services.transform.submit({ ...step.params, idempotencyKey });
      default:
        return this.jobs.submit({ kind: jobKindOf[step.kind], params: step.params, idempotencyKey });
    }
  }
  /** Why a finished step job fails the pipeline, or null when the pipeline goes on. */
  verdict(step, child) {
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
      const score = child.result?.score;
      if (typeof score !== "number" || score < step.minScore) return `failed: quality score ${score} of ${step.params.table} is under the threshold ${step.minScore}`;
    }
    return null;
  }
  async run(ctx) {
    const { steps } = ctx.params;
    const stepJobs = ctx.checkpoint?.stepJobs ?? steps.map(() => null);
    const n = steps.length;
    const summary = [];
    for (let i = 0; i < n; i++) {
      const step = steps[i];
      const label = `step ${i + 1}/${n} ${step.kind}`;
      const owned = !(step.kind === "INGEST" && step.fromJob);
      let child;
      if (stepJobs[i]) child = await this.jobs.require(stepJobs[i]);
      else {
        try {
          child = await this.startStep(ctx.jobId, i, step);
        } catch (err) {
          throw new Error(`${label} was refused: ${err.message}`);
        }
        stepJobs[i] = child.id;
        await ctx.checkpointAfterBatch({ checkpoint: { stepJobs }, accepted: 0, rejected: [], retried: 0 });
      }
      await ctx.progress(i, n, `${label}: ${owned ? "started" : "waiting for"} job ${child.id}`);
      const local = TERMINAL_STATUSES.has(child.status) ? null : this.jobs.execute(child.id).catch(() => "skipped");
      let last = "";
      for (; ; ) {
        child = await this.jobs.require(child.id);
        const of = child.total !== null && child.done <= child.total ? `, ${child.done}/${child.total}` : "";
        const msg = `${label} (job ${child.id}${of}): ${child.message ?? child.status.toLowerCase()}`;
        if (msg !== last) {
          await ctx.progress(i, n, msg);
          last = msg;
        }
        if (TERMINAL_STATUSES.has(child.status)) break;
        if (ctx.signal.aborted) {
          if (ctx.signal.reason === "cancel" && owned) await this.jobs.cancel(child.id).catch(() => {
          });
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
export {
  PipelineService,
  pipelineProblems2 as pipelineProblems
};
