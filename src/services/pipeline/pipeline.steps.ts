/**
 * A pipeline's steps: their stored shape, the conversion from the GraphQL
 * input (one field per step), and the check of a whole pipeline at submission
 * — every step's input by the service that owns that work, plus the order of
 * the steps — collected into one list of problems.
 */
import { ErrorCode, GatewayError, type InputProblem } from "../errors.js";
import type { JobEngine } from "../jobs/index.js";
import type { MlService } from "../ml/index.js";
import type { QualityService } from "../quality/index.js";
import { toTransformInput, type SourceFilter, type TransformInput, type TransformService } from "../transform/index.js";

export type PipelineStep =
  | {
      kind: "INGEST";
      /** An INGEST / BATCH_UPDATE job (e.g. from POST /ingest/:table) the step waits for; it becomes the step's job. */
      fromJob: string | null;
      /** Or: a table-to-table copy, run as a TRANSFORM job with one copy rule per column. */
      copy: TransformInput | null;
      /** A PARTIAL job passes when rejected / (accepted + rejected) is at most this. */
      maxRejectedFraction: number;
    }
  | { kind: "QUALITY_GATE"; params: { table: string; columns?: string[] | null; rules?: unknown[] | null }; minScore: number }
  | { kind: "TRANSFORM"; params: TransformInput }
  | { kind: "TRAIN"; params: Record<string, unknown> }
  | { kind: "BATCH_INFERENCE"; params: Record<string, unknown> };

export type StepKind = PipelineStep["kind"];
export const STEP_KINDS: StepKind[] = ["INGEST", "QUALITY_GATE", "TRANSFORM", "TRAIN", "BATCH_INFERENCE"];

export interface PipelineParams {
  name: string | null;
  steps: PipelineStep[];
}

/** The services whose work the steps are; each checks its own step's input. */
export interface StepServices {
  jobs: Pick<JobEngine, "get">;
  transform: Pick<TransformService, "check" | "tableCopy" | "submit">;
  ml: Pick<MlService, "checkTrainInput" | "checkBatchInference" | "checkBatchInferenceSource">;
  quality: Pick<QualityService, "checkInput">;
}

/** The GraphQL shapes (src/schema/ml.input.ts), structurally. */
export interface IngestStepIn {
  fromJob?: string | null;
  fromTable?: string | null;
  filter?: SourceFilter[] | null;
  target?: TransformInput["target"] | null;
  columns?: string[] | null;
  batchSize?: number | null;
  maxRejectedFraction?: number | null;
}
export interface PipelineStepIn {
  ingest?: IngestStepIn | null;
  qualityGate?: { table: string; columns?: string[] | null; minScore: number } | null;
  /** Mutation.transform's input (LLM outputs as outputType / outputEnum). */
  transform?: Parameters<typeof toTransformInput>[0] | null;
  train?: object | null;
  batchInference?: { model: string; version?: number | null; source: unknown; output?: { column?: string | null } | null; batchSize?: number | null } | null;
}
export interface PipelineIn {
  name?: string | null;
  steps: PipelineStepIn[];
}

const FIELDS = ["ingest", "qualityGate", "transform", "train", "batchInference"] as const;
const MAX_STEPS = 20;
const INGEST_KINDS = new Set(["INGEST", "BATCH_UPDATE"]);

/** Shape-only checks of stored parameters (the engine re-validates them on submission and resume). */
export function pipelineProblems(p: PipelineParams): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!Array.isArray(p?.steps) || p.steps.length === 0) return [{ field: "steps", message: "expected at least one step" }];
  if (p.steps.length > MAX_STEPS) problems.push({ field: "steps", message: `at most ${MAX_STEPS} steps; got ${p.steps.length}` });
  p.steps.forEach((s, i) => {
    if (!s || !STEP_KINDS.includes(s.kind)) problems.push({ field: `steps[${i}]`, message: `set exactly one of ${FIELDS.join(", ")}` });
    else if (s.kind === "QUALITY_GATE" && !(s.minScore >= 0 && s.minScore <= 100)) problems.push({ field: `steps[${i}].qualityGate.minScore`, message: `expected 0–100; got ${s.minScore}` });
    else if (s.kind === "INGEST" && (!s.fromJob === !s.copy || !(s.maxRejectedFraction >= 0 && s.maxRejectedFraction <= 1))) {
      problems.push({ field: `steps[${i}].ingest`, message: "expected fromJob or a table copy, and maxRejectedFraction from 0 to 1" });
    }
  });
  return problems;
}

/** A step service's refusal as problems under the step's path; anything not a GatewayError is a bug and is rethrown. */
function problemsOf(err: unknown, prefix: string): { problems: InputProblem[]; llm: boolean } {
  if (!(err instanceof GatewayError)) throw err;
  const llm = err.code === ErrorCode.LLM_UNAVAILABLE;
  const listed = (err.extensions.problems as InputProblem[] | undefined) ?? [];
  // Several problems carry their own explanations; a single one is best explained by the message.
  if (listed.length > 1) return { problems: listed.map((p) => ({ field: `${prefix}.${p.field}`, message: p.message })), llm };
  const field = listed[0] ? `${prefix}.${listed[0].field}` : prefix;
  return { problems: [{ field, message: err.message.replace(/^.*? has 1 problem\(s\): [^:]*: /, "").replace(/\.$/, "") }], llm };
}

/**
 * Converts the GraphQL input into steps and checks the whole pipeline: every
 * step's input by its own service (as if submitted alone), and the order —
 * a batch inference needs its model to exist or be trained by an earlier
 * step; an ingest job can feed one step only. Returns every problem found.
 */
export async function checkPipeline(input: PipelineIn, services: StepServices): Promise<{ params: PipelineParams; problems: InputProblem[]; llmUnavailable: boolean }> {
  const problems: InputProblem[] = [];
  let llmUnavailable = false;
  const steps: PipelineStep[] = [];
  const rawSteps = input?.steps ?? [];
  if (rawSteps.length === 0) problems.push({ field: "steps", message: "expected at least one step" });
  if (rawSteps.length > MAX_STEPS) problems.push({ field: "steps", message: `at most ${MAX_STEPS} steps; got ${rawSteps.length}` });
  const trainedAt = new Map<string, number>();
  rawSteps.forEach((s, i) => {
    const name = (s?.train as { name?: unknown } | null | undefined)?.name;
    if (typeof name === "string" && !trainedAt.has(name)) trainedAt.set(name, i);
  });
  const ingestJobs = new Map<string, number>();

  for (let i = 0; i < rawSteps.length; i++) {
    const s = rawSteps[i] ?? {};
    const set = FIELDS.filter((k) => s[k] !== null && s[k] !== undefined);
    const at = `steps[${i}]`;
    if (set.length !== 1) {
      problems.push({ field: at, message: `set exactly one of ${FIELDS.join(", ")}; got ${set.length ? set.join(" and ") : "none"}` });
      continue;
    }
    const field = set[0]!;
    const prefix = `${at}.${field}`;
    const guard = async (fn: () => Promise<void>) => {
      try {
        await fn();
      } catch (err) {
        const r = problemsOf(err, prefix);
        problems.push(...r.problems);
        llmUnavailable ||= r.llm;
      }
    };

    if (field === "ingest") {
      const g = s.ingest!;
      const fraction = g.maxRejectedFraction ?? 0;
      if (!(fraction >= 0 && fraction <= 1)) problems.push({ field: `${prefix}.maxRejectedFraction`, message: `expected a fraction from 0 to 1; got ${fraction}` });
      if (!g.fromJob === !g.fromTable) {
        problems.push({ field: prefix, message: "give exactly one of fromJob (an ingest job, e.g. from POST /ingest/{table}) or fromTable with target" });
        continue;
      }
      if (g.fromJob) {
        const id = g.fromJob;
        const job = /^[0-9a-f-]{36}$/i.test(id) ? await services.jobs.get(id) : null;
        if (!job) problems.push({ field: `${prefix}.fromJob`, message: `no job ${JSON.stringify(id)}` });
        else if (!INGEST_KINDS.has(job.kind)) problems.push({ field: `${prefix}.fromJob`, message: `job ${id} is a ${job.kind} job; expected an INGEST or BATCH_UPDATE job` });
        else if (ingestJobs.has(id)) problems.push({ field: `${prefix}.fromJob`, message: `job ${id} is already the ingest of steps[${ingestJobs.get(id)}]` });
        else ingestJobs.set(id, i);
        steps.push({ kind: "INGEST", fromJob: id, copy: null, maxRejectedFraction: fraction });
        continue;
      }
      if (!g.target?.table) {
        problems.push({ field: `${prefix}.target`, message: "fromTable needs target { table, mode, key }: where the rows are copied to" });
        continue;
      }
      let copy: TransformInput | null = null;
      await guard(async () => {
        // A copy is a transform (copy rules from a table source) so it runs on the shared batched write loop.
        copy = await services.transform.tableCopy({ source: { table: g.fromTable!, filter: g.filter }, target: g.target!, columns: g.columns, batchSize: g.batchSize, continueOnError: fraction > 0 });
        await services.transform.check(copy);
      });
      steps.push({ kind: "INGEST", fromJob: null, copy, maxRejectedFraction: fraction });
    } else if (field === "qualityGate") {
      const q = s.qualityGate!;
      if (!(q.minScore >= 0 && q.minScore <= 100)) problems.push({ field: `${prefix}.minScore`, message: `expected 0–100; got ${q.minScore}` });
      await guard(async () => void (await services.quality.checkInput({ table: q.table, columns: q.columns ?? null } as never)));
      steps.push({ kind: "QUALITY_GATE", params: { table: q.table, columns: q.columns ?? null }, minScore: q.minScore });
    } else if (field === "transform") {
      const t = toTransformInput(s.transform!);
      if (t.idempotencyKey) problems.push({ field: `${prefix}.idempotencyKey`, message: "the pipeline gives each step its own idempotency key; leave it out" });
      await guard(async () => void (await services.transform.check(t)));
      steps.push({ kind: "TRANSFORM", params: { ...t, idempotencyKey: null } });
    } else if (field === "train") {
      const t = s.train!;
      await guard(() => services.ml.checkTrainInput(t as never));
      steps.push({ kind: "TRAIN", params: { ...t } });
    } else {
      const b = s.batchInference!;
      const params = { model: b.model, version: b.version ?? null, source: b.source, outputColumn: b.output?.column ?? null, batchSize: b.batchSize ?? undefined };
      const trained = trainedAt.get(b.model);
      if (trained !== undefined && trained < i) {
        // The model does not exist yet (or will get a new version): check what can be checked now; the rest when the step starts.
        await guard(() => services.ml.checkBatchInferenceSource(params as never));
      } else {
        const before = problems.length;
        await guard(() => services.ml.checkBatchInference(params as never));
        if (trained !== undefined && problems.length > before) {
          problems.push({ field: `${prefix}.model`, message: `${b.model} is trained by steps[${trained}], after this step; put the train step first` });
        }
      }
      steps.push({ kind: "BATCH_INFERENCE", params });
    }
  }
  return { params: { name: input?.name ?? null, steps }, problems, llmUnavailable };
}
