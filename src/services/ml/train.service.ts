/**
 * Trains one model from a table: streams and samples the rows, splits them,
 * learns the preparation on the training split, fits the model, evaluates it
 * on the held-out split beside the trivial baseline, and measures feature
 * importance by permutation. Pure work: storing the result is the registry's job.
 */
import type { Database } from "../db/database.js";
import { BadUserInputError, type InputProblem } from "../errors.js";
import { boosterOptions, trainBooster, type Algorithm, type BoosterArtifact, type Task } from "./booster.js";
import { defaultFeatures, featureKindOf, specOf } from "./features.js";
import { classificationMetrics, keyMetric, regressionMetrics, type Metrics } from "./metrics.js";
import { coerce, createEncoder, featureSlices, fitPreparation, type FeatureSpec, type Preparation } from "./prepare/index.js";
import { seededRandom } from "./random.js";
import { buildWhere, selectFrom, streamSample, type SourceInput } from "./source.js";
import { describeTable } from "./table-info.js";
import { resolveSqlSource } from "./sql-source.js";
import type { Catalog, CatalogTable } from "../catalog/types.js";

export type AlgorithmChoice = "AUTO" | Algorithm;
export type TrainStage = "loading" | "preparing" | "training" | "evaluating";
export const trainStages: TrainStage[] = ["loading", "preparing", "training", "evaluating"];

export interface TrainInput {
  name: string;
  source: SourceInput;
  target: string;
  /** Makes a yes/no classification: the target is "true" when its value is one of these. */
  targetPositive?: string[] | null;
  features?: string[] | null;
  task?: Task | null;
  algorithm?: AlgorithmChoice | null;
  testFraction?: number | null;
  seed?: number | null;
}

export interface TrainLimits {
  /** Rows kept for training and evaluation; above it a uniform sample. */
  maxRows: number;
  minRows: number;
}

/** How the model's raw output maps back to the target. */
export interface TargetInfo {
  column: string;
  task: Task;
  /** Class labels in model output order (classification). */
  classes: string[];
  positive: string[] | null;
  /** Regression targets are standardized for training; predictions are scaled back. */
  scale: { mean: number; std: number } | null;
}

export interface TrainedModel {
  task: Task;
  algorithm: Algorithm;
  target: TargetInfo;
  featureSchema: FeatureSpec[];
  preparation: Preparation;
  metrics: Metrics & { key: { name: string; value: number; higherIsBetter: boolean }; featureImportance: Array<{ feature: string; importance: number }> };
  params: Record<string, string | number>;
  artifact: BoosterArtifact;
  rowsUsed: number;
  rowsTrain: number;
  rowsTest: number;
  rowsSeen: number;
  skippedFeatures: Array<{ name: string; reason: string }>;
  trainingMs: number;
}

export interface RunOptions {
  progress?: (done: number, total: number | null, message: string) => Promise<void> | void;
  signal?: AbortSignal;
}

const nameRe = /^[A-Za-z][\w.-]{0,63}$/;
/** Cells (rows × encoded columns) a training or test matrix may have; measured: 1.2M fit the 16 MiB WASM heap, 1.28M did not. */
const WASM_MATRIX_CELLS = 1_000_000;

/** A uniform, seeded sample of n rows (partial Fisher–Yates), in their original order. */
function sampleOf<T>(rows: T[], n: number, seed: number): T[] {
  if (rows.length <= n) return rows;
  const rand = seededRandom(seed ^ 0x2545f491);
  const idx = rows.map((_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, n).sort((a, b) => a - b).map((i) => rows[i]!);
}
const tick = () => new Promise<void>((r) => setImmediate(r));

function checkAborted(signal?: AbortSignal) {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error("training was cancelled");
}

/** Validates what can be checked before reading data; lists every problem at once. */
export function trainInputProblems(input: TrainInput): InputProblem[] {
  const p: InputProblem[] = [];
  if (!input || typeof input !== "object") return [{ field: "input", message: "expected an object" }];
  if (!input.source?.table === !input.source?.sql) p.push({ field: "source", message: "give exactly one of table or sql" });
  if (!input.target) p.push({ field: "target", message: "required" });
  if (!nameRe.test(input.name ?? "")) p.push({ field: "name", message: `expected 1–64 letters, digits, _ . or - starting with a letter; got ${JSON.stringify(input.name)}` });
  const tf = input.testFraction ?? 0.2;
  if (!(tf >= 0.05 && tf <= 0.5)) p.push({ field: "testFraction", message: `expected a fraction from 0.05 to 0.5; got ${tf}` });
  if (input.seed !== undefined && input.seed !== null && !Number.isInteger(input.seed)) p.push({ field: "seed", message: `expected a whole number; got ${input.seed}` });
  if (input.features && input.features.length === 0) p.push({ field: "features", message: "expected at least one feature, or leave it out to use every usable column" });
  if (input.features && input.features.includes(input.target)) p.push({ field: "features", message: `the target ${input.target} cannot also be a feature` });
  if (input.targetPositive && input.targetPositive.length === 0) p.push({ field: "targetPositive", message: "expected at least one value" });
  if (input.targetPositive && input.task === "REGRESSION") p.push({ field: "targetPositive", message: "only for CLASSIFICATION: it turns the target into yes/no" });
  return p;
}

function fail(problems: InputProblem[]): never {
  throw new BadUserInputError(`trainModel input has ${problems.length} problem(s): ${problems.map((x) => `${x.field}: ${x.message}`).join("; ")}.`, { problems });
}

/**
 * Checks the input against the table (target, task, features, filter) and decides
 * the feature columns; used at job submission and again when the job runs.
 */
export async function resolveTrainPlan(db: Database, input: TrainInput, catalog?: () => Promise<Catalog>) {
  const problems = trainInputProblems(input);
  if (problems.length) fail(problems);
  let table: CatalogTable;
  let from: string | undefined;
  if (input.source.sql) {
    if (!catalog) fail([{ field: "source.sql", message: "SQL sources need the catalog, which this process does not have" }]);
    const resolved = await resolveSqlSource(db, await catalog(), input.source.sql);
    table = resolved.table;
    from = `(${resolved.sql}) AS src`;
  } else table = await describeTable(db, input.source.table!, "source.table");
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const targetCol = byName.get(input.target);
  if (!targetCol) fail([{ field: "target", message: `${table.name} has no column ${JSON.stringify(input.target)}; columns: ${[...byName.keys()].join(", ")}` }]);

  const targetIsNumeric = targetCol.kind === "integer" || targetCol.kind === "number";
  const task: Task = input.task ?? (input.targetPositive ? "CLASSIFICATION" : targetIsNumeric ? "REGRESSION" : "CLASSIFICATION");
  if (task === "REGRESSION" && !targetIsNumeric) fail([{ field: "task", message: `REGRESSION needs a numeric target; ${input.target} is ${targetCol.sqlType}` }]);
  if (!["enum", "text", "boolean", "integer", "number"].includes(targetCol.kind)) fail([{ field: "target", message: `a ${targetCol.sqlType} column cannot be a target` }]);

  let featureCols;
  let skipped: Array<{ name: string; reason: string }> = [];
  const explicit = Boolean(input.features);
  if (input.features) {
    const fp: InputProblem[] = [];
    featureCols = input.features.map((f) => byName.get(f)!);
    input.features.forEach((f, i) => {
      const col = byName.get(f);
      if (!col) fp.push({ field: `features[${i}]`, message: `${table.name} has no column ${JSON.stringify(f)}` });
      else if (!featureKindOf(col)) fp.push({ field: `features[${i}]`, message: `${f} is ${col.sqlType}, which cannot be a feature` });
    });
    if (fp.length) fail(fp);
  } else {
    const d = defaultFeatures(table, input.target);
    featureCols = d.use;
    skipped = d.skipped;
    if (featureCols.length === 0) fail([{ field: "features", message: `no usable feature columns in ${table.name} (${d.skipped.map((s) => `${s.name}: ${s.reason}`).join("; ")})` }]);
  }
  buildWhere(table, input.source.filter, []);
  return { table, from, task, featureCols: featureCols!, skipped, explicit };
}

export async function trainModel(db: Database, input: TrainInput, limits: TrainLimits, run: RunOptions = {}, catalog?: () => Promise<Catalog>): Promise<TrainedModel> {
  const started = Date.now();
  const report = async (stage: TrainStage, message: string) => run.progress?.(trainStages.indexOf(stage), trainStages.length, `${stage}: ${message}`);
  const problems = trainInputProblems(input);
  if (problems.length) fail(problems);

  const plan = await resolveTrainPlan(db, input, catalog);
  const { table, task, featureCols, explicit } = plan;
  const skippedFeatures = [...plan.skipped];
  const seed = input.seed ?? 42;
  const testFraction = input.testFraction ?? 0.2;

  // ── loading ──
  await report("loading", `reading ${table.name}`);
  const query = selectFrom(table, [...featureCols.map((c) => c.name), input.target], input.source.filter, "", plan.from);
  const sample = await streamSample(db, query, {
    maxRows: limits.maxRows,
    seed,
    signal: run.signal,
    keep: (row) => row[input.target] !== null && row[input.target] !== undefined,
    onBatch: async (n) => {
      await report("loading", `${n} rows read`);
    },
  });
  if (sample.rows.length < limits.minRows) {
    fail([{ field: "source", message: `needs at least ${limits.minRows} rows with a non-null ${input.target}; the source has ${sample.rows.length}${sample.skipped ? ` (${sample.skipped} skipped for a null target)` : ""}` }]);
  }

  // ── preparing ──
  checkAborted(run.signal);
  await report("preparing", `${sample.rows.length} rows`);
  const rand = seededRandom(seed);
  let trainRows: Array<Record<string, unknown>> = [];
  let testRows: Array<Record<string, unknown>> = [];
  for (const r of sample.rows) (rand() < testFraction ? testRows : trainRows).push(r);
  if (testRows.length === 0 || trainRows.length === 0) fail([{ field: "testFraction", message: `split left ${trainRows.length} training and ${testRows.length} test rows; use more rows or another fraction` }]);

  let specs = featureCols.map(specOf);
  if (!explicit) {
    // Free text and identifiers (almost one value per row) teach nothing and bloat the encoding.
    specs = specs.filter((s) => {
      if (s.kind !== "category" || s.categories) return true;
      const distinct = new Set(trainRows.map((r) => r[s.name])).size;
      if (distinct > 100 && distinct > trainRows.length * 0.5) {
        skippedFeatures.push({ name: s.name, reason: `${distinct} distinct values in ${trainRows.length} rows: looks like an identifier or free text` });
        return false;
      }
      return true;
    });
    if (specs.length === 0) fail([{ field: "features", message: "every candidate feature was left out; list features explicitly" }]);
  }
  const preparation = fitPreparation(trainRows, specs);
  const encode = createEncoder(preparation);
  // The WebAssembly XGBoost has a fixed 16 MiB heap that cannot grow: a matrix much over a million
  // cells aborts the whole process. Keep a uniform sample that fits (preparation was learned on all rows).
  const width = Math.max(1, preparation.columns.length);
  const fit = Math.max(limits.minRows, Math.floor(WASM_MATRIX_CELLS / width));
  let capped = "";
  if (trainRows.length > fit || testRows.length > fit) {
    const before = trainRows.length;
    trainRows = sampleOf(trainRows, fit, seed);
    testRows = sampleOf(testRows, fit, seed + 1);
    capped = ` (a sample of ${before}: ${width} encoded columns × at most ${fit} rows fit the WebAssembly model's memory)`;
  }

  let classes: string[] = [];
  let scale: TargetInfo["scale"] = null;
  const positive = input.targetPositive ? new Set(input.targetPositive) : null;
  const labelOf = (v: unknown): string => {
    const s = coerce("category", v) as string;
    return positive ? String(positive.has(s)) : s;
  };
  let yTrain: number[];
  let yTest: number[];
  let majority = 0;
  let trainMean = 0;
  if (task === "CLASSIFICATION") {
    const counts = new Map<string, number>();
    for (const r of trainRows) {
      const l = labelOf(r[input.target]);
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    classes = positive ? ["false", "true"] : [...counts.keys()].sort();
    if (counts.size < 2) fail([{ field: "target", message: `the training rows have only one value of ${input.target} (${[...counts.keys()].join(", ")}); a classifier needs at least two` }]);
    if (classes.length > 50) fail([{ field: "target", message: `${input.target} has ${classes.length} distinct values; a classifier takes at most 50 (use REGRESSION for a number)` }]);
    const index = new Map(classes.map((c, i) => [c, i]));
    majority = index.get([...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0])!;
    yTrain = trainRows.map((r) => index.get(labelOf(r[input.target]))!);
    // A test label never seen in training cannot be predicted; it counts as the majority's miss.
    yTest = testRows.map((r) => index.get(labelOf(r[input.target])) ?? -1);
  } else {
    const raw = trainRows.map((r) => coerce("number", r[input.target]) as number);
    trainMean = raw.reduce((a, b) => a + b, 0) / raw.length;
    const std = Math.sqrt(raw.reduce((a, b) => a + (b - trainMean) ** 2, 0) / raw.length) || 1;
    scale = { mean: trainMean, std };
    yTrain = raw.map((v) => (v - trainMean) / std);
    yTest = testRows.map((r) => coerce("number", r[input.target]) as number);
  }
  const Xtrain = trainRows.map(encode);
  const Xtest = testRows.map(encode);

  // ── training ──
  checkAborted(run.signal);
  const algorithm: Algorithm = !input.algorithm || input.algorithm === "AUTO" ? "GRADIENT_BOOSTING" : input.algorithm;
  await report("training", `${algorithm} on ${Xtrain.length} rows × ${preparation.columns.length} encoded columns${capped}`);
  await tick();
  const spec = { task, algorithm, classes: task === "CLASSIFICATION" ? classes.length : 1, seed };
  const booster = await trainBooster(spec, Xtrain, yTrain);
  try {
    // ── evaluating ──
    checkAborted(run.signal);
    await report("evaluating", `${Xtest.length} held-out rows`);
    await tick();
    const target: TargetInfo = { column: input.target, task, classes, positive: input.targetPositive ?? null, scale };
    const evaluate = (X: number[][]): Metrics => {
      const out = booster.predict(X);
      if (task === "CLASSIFICATION") {
        const keep = yTest.map((y, i) => (y >= 0 ? i : -1)).filter((i) => i >= 0);
        return classificationMetrics(classes, keep.map((i) => yTest[i]!), keep.map((i) => out[i]!), majority);
      }
      return regressionMetrics(yTest, out.map((o) => o[0]! * scale!.std + scale!.mean), trainMean);
    };
    const metrics = evaluate(Xtest);
    const key = keyMetric(metrics);

    // Permutation importance: how much the key metric drops when one feature's values are shuffled.
    const m = Math.min(Xtest.length, 2000);
    const sub = Xtest.slice(0, m);
    const subY = yTest.slice(0, m);
    const savedY = yTest;
    yTest = subY;
    const baseKey = keyMetric(evaluate(sub)).value;
    const shuffle = seededRandom(seed + 1);
    const featureImportance = featureSlices(preparation).map((slice) => {
      const perm = sub.map((_, i) => i);
      for (let i = perm.length - 1; i > 0; i--) {
        const j = Math.floor(shuffle() * (i + 1));
        [perm[i], perm[j]] = [perm[j]!, perm[i]!];
      }
      const X = sub.map((row, i) => {
        const copy = row.slice();
        const from = sub[perm[i]!]!;
        for (let k = slice.start; k < slice.start + slice.width; k++) copy[k] = from[k]!;
        return copy;
      });
      return { feature: slice.name, importance: baseKey - keyMetric(evaluate(X)).value };
    });
    yTest = savedY;
    featureImportance.sort((a, b) => b.importance - a.importance);

    return {
      task,
      algorithm,
      target,
      featureSchema: specs,
      preparation,
      metrics: { ...metrics, key, featureImportance },
      params: boosterOptions(spec),
      artifact: booster.toArtifact(),
      rowsUsed: sample.rows.length,
      rowsTrain: trainRows.length,
      rowsTest: testRows.length,
      rowsSeen: sample.seen,
      skippedFeatures,
      trainingMs: Date.now() - started,
    };
  } finally {
    booster.free();
  }
}
