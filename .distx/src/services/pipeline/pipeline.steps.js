import { ErrorCode, GatewayError } from "../errors.js";
import { toTransformInput } from "../transform/index.js";
const STEP_KINDS = ["INGEST", "QUALITY_GATE", "TRANSFORM", "TRAIN", "BATCH_INFERENCE"];
const FIELDS = ["ingest", "qualityGate", "transform", "train", "batchInference"];
const MAX_STEPS = 20;
const INGEST_KINDS = /* @__PURE__ */ new Set(["INGEST", "BATCH_UPDATE"]);
function pipelineProblems(p) {
  const problems = [];
  if (!Array.isArray(p?.steps) || p.steps.length === 0) return [{ field: "steps", message: "expected at least one step" }];
  if (p.steps.length > MAX_STEPS) problems.push({ field: "steps", message: `at most ${MAX_STEPS} steps; got ${p.steps.length}` });
  p.steps.forEach((s, i) => {
    if (!s || !STEP_KINDS.includes(s.kind)) problems.push({ field: `steps[${i}]`, message: `set exactly one of ${FIELDS.join(", ")}` });
    else if (s.kind === "QUALITY_GATE" && !(s.minScore >= 0 && s.minScore <= 100)) problems.push({ field: `steps[${i}].qualityGate.minScore`, message: `expected 0\u2013100; got ${s.minScore}` });
    else if (s.kind === "INGEST" && (!s.fromJob === !s.copy || !(s.maxRejectedFraction >= 0 && s.maxRejectedFraction <= 1))) {
      problems.push({ field: `steps[${i}].ingest`, message: "expected fromJob or a table copy, and maxRejectedFraction from 0 to 1" });
    }
  });
  return problems;
}
function problemsOf(err, prefix) {
  if (!(err instanceof GatewayError)) throw err;
  const llm = err.code === ErrorCode.LLM_UNAVAILABLE;
  const listed = err.extensions.problems ?? [];
  if (listed.length > 1) return { problems: listed.map((p) => ({ field: `${prefix}.${p.field}`, message: p.message })), llm };
  const field = listed[0] ? `${prefix}.${listed[0].field}` : prefix;
  return { problems: [{ field, message: err.message.replace(/^.*? has 1 problem\(s\): [^:]*: /, "").replace(/\.$/, "") }], llm };
}
async function checkPipeline(input, services) {
  const problems = [];
  let llmUnavailable = false;
  const steps = [];
  const rawSteps = input?.steps ?? [];
  if (rawSteps.length === 0) problems.push({ field: "steps", message: "expected at least one step" });
  if (rawSteps.length > MAX_STEPS) problems.push({ field: "steps", message: `at most ${MAX_STEPS} steps; got ${rawSteps.length}` });
  const trainedAt = /* @__PURE__ */ new Map();
  rawSteps.forEach((s, i) => {
    const name = s?.train?.name;
    if (typeof name === "string" && !trainedAt.has(name)) trainedAt.set(name, i);
  });
  const ingestJobs = /* @__PURE__ */ new Map();
  for (let i = 0; i < rawSteps.length; i++) {
    const s = rawSteps[i] ?? {};
    const set = FIELDS.filter((k) => s[k] !== null && s[k] !== void 0);
    const at = `steps[${i}]`;
    if (set.length !== 1) {
      problems.push({ field: at, message: `set exactly one of ${FIELDS.join(", ")}; got ${set.length ? set.join(" and ") : "none"}` });
      continue;
    }
    const field = set[0];
    const prefix = `${at}.${field}`;
    const guard = async (fn) => {
      try {
        await fn();
      } catch (err) {
        const r = problemsOf(err, prefix);
        problems.push(...r.problems);
        llmUnavailable ||= r.llm;
      }
    };
    if (field === "ingest") {
      const g = s.ingest;
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
      let copy = null;
      await guard(async () => {
        copy = await services.transform.tableCopy({ source: { table: g.fromTable, filter: g.filter }, target: g.target, columns: g.columns, batchSize: g.batchSize, continueOnError: fraction > 0 });
        await services.transform.check(copy);
      });
      steps.push({ kind: "INGEST", fromJob: null, copy, maxRejectedFraction: fraction });
    } else if (field === "qualityGate") {
      const q = s.qualityGate;
      if (!(q.minScore >= 0 && q.minScore <= 100)) problems.push({ field: `${prefix}.minScore`, message: `expected 0\u2013100; got ${q.minScore}` });
      await guard(async () => void await services.quality.checkInput({ table: q.table, columns: q.columns ?? null }));
      steps.push({ kind: "QUALITY_GATE", params: { table: q.table, columns: q.columns ?? null }, minScore: q.minScore });
    } else if (field === "transform") {
      const t = toTransformInput(s.transform);
      if (t.idempotencyKey) problems.push({ field: `${prefix}.idempotencyKey`, message: "the pipeline gives each step its own idempotency key; leave it out" });
      await guard(async () => void await services.transform.check(t));
      steps.push({ kind: "TRANSFORM", params: { ...t, idempotencyKey: null } });
    } else if (field === "train") {
      const t = s.train;
      await guard(() => services.ml.checkTrainInput(t));
      steps.push({ kind: "TRAIN", params: { ...t } });
    } else {
      const b = s.batchInference;
      const params = { model: b.model, version: b.version ?? null, source: b.source, outputColumn: b.output?.column ?? null, batchSize: b.batchSize ?? void 0 };
      const trained = trainedAt.get(b.model);
      if (trained !== void 0 && trained < i) {
        await guard(() => services.ml.checkBatchInferenceSource(params));
      } else {
        const before = problems.length;
        await guard(() => services.ml.checkBatchInference(params));
        if (trained !== void 0 && problems.length > before) {
          problems.push({ field: `${prefix}.model`, message: `${b.model} is trained by steps[${trained}], after this step; put the train step first` });
        }
      }
      steps.push({ kind: "BATCH_INFERENCE", params });
    }
  }
  return { params: { name: input?.name ?? null, steps }, problems, llmUnavailable };
}
export {
  STEP_KINDS,
  checkPipeline,
  pipelineProblems
};
