import { BadUserInputError } from "../errors.js";
import { boosterOptions, trainBooster } from "./booster.js";
import { defaultFeatures, featureKindOf, specOf } from "./features.js";
import { classificationMetrics, keyMetric, regressionMetrics } from "./metrics.js";
import { coerce, createEncoder, featureSlices, fitPreparation } from "./prepare/index.js";
import { seededRandom } from "./random.js";
import { buildWhere, selectFrom, streamSample } from "./source.js";
import { describeTable } from "./table-info.js";
import { resolveSqlSource } from "./sql-source.js";
const trainStages = ["loading", "preparing", "training", "evaluating"];
const nameRe = /^[A-Za-z][\w.-]{0,63}$/;
const WASM_MATRIX_CELLS = 1e6;
function sampleOf(rows, n, seed) {
  if (rows.length <= n) return rows;
  const rand = seededRandom(seed ^ 625341585);
  const idx = rows.map((_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (idx.length - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, n).sort((a, b) => a - b).map((i) => rows[i]);
}
const tick = () => new Promise((r) => setImmediate(r));
function checkAborted(signal) {
  if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error("training was cancelled");
}
function trainInputProblems(input) {
  const p = [];
  if (!input || typeof input !== "object") return [{ field: "input", message: "expected an object" }];
  if (!input.source?.table === !input.source?.sql) p.push({ field: "source", message: "give exactly one of table or sql" });
  if (!input.target) p.push({ field: "target", message: "required" });
  if (!nameRe.test(input.name ?? "")) p.push({ field: "name", message: `expected 1\u201364 letters, digits, _ . or - starting with a letter; got ${JSON.stringify(input.name)}` });
  const tf = input.testFraction ?? 0.2;
  if (!(tf >= 0.05 && tf <= 0.5)) p.push({ field: "testFraction", message: `expected a fraction from 0.05 to 0.5; got ${tf}` });
  if (input.seed !== void 0 && input.seed !== null && !Number.isInteger(input.seed)) p.push({ field: "seed", message: `expected a whole number; got ${input.seed}` });
  if (input.features && input.features.length === 0) p.push({ field: "features", message: "expected at least one feature, or leave it out to use every usable column" });
  if (input.features && input.features.includes(input.target)) p.push({ field: "features", message: `the target ${input.target} cannot also be a feature` });
  if (input.targetPositive && input.targetPositive.length === 0) p.push({ field: "targetPositive", message: "expected at least one value" });
  if (input.targetPositive && input.task === "REGRESSION") p.push({ field: "targetPositive", message: "only for CLASSIFICATION: it turns the target into yes/no" });
  return p;
}
function fail(problems) {
  throw new BadUserInputError(`trainModel input has ${problems.length} problem(s): ${problems.map((x) => `${x.field}: ${x.message}`).join("; ")}.`, { problems });
}
async function resolveTrainPlan(db, input, catalog) {
  const problems = trainInputProblems(input);
  if (problems.length) fail(problems);
  let table;
  let from;
  if (input.source.sql) {
    if (!catalog) fail([{ field: "source.sql", message: "SQL sources need the catalog, which this process does not have" }]);
    const resolved = await resolveSqlSource(db, await catalog(), input.source.sql);
    table = resolved.table;
    from = `(${resolved.sql}) AS src`;
  } else table = await describeTable(db, input.source.table, "source.table");
  const byName = new Map(table.columns.map((c) => [c.name, c]));
  const targetCol = byName.get(input.target);
  if (!targetCol) fail([{ field: "target", message: `${table.name} has no column ${JSON.stringify(input.target)}; columns: ${[...byName.keys()].join(", ")}` }]);
  const targetIsNumeric = targetCol.kind === "integer" || targetCol.kind === "number";
  const task = input.task ?? (input.targetPositive ? "CLASSIFICATION" : targetIsNumeric ? "REGRESSION" : "CLASSIFICATION");
  if (task === "REGRESSION" && !targetIsNumeric) fail([{ field: "task", message: `REGRESSION needs a numeric target; ${input.target} is ${targetCol.sqlType}` }]);
  if (!["enum", "text", "boolean", "integer", "number"].includes(targetCol.kind)) fail([{ field: "target", message: `a ${targetCol.sqlType} column cannot be a target` }]);
  let featureCols;
  let skipped = [];
  const explicit = Boolean(input.features);
  if (input.features) {
    const fp = [];
    featureCols = input.features.map((f) => byName.get(f));
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
  return { table, from, task, featureCols, skipped, explicit };
}
async function trainModel(db, input, limits, run = {}, catalog) {
  const started = Date.now();
  const report = async (stage, message) => run.progress?.(trainStages.indexOf(stage), trainStages.length, `${stage}: ${message}`);
  const problems = trainInputProblems(input);
  if (problems.length) fail(problems);
  const plan = await resolveTrainPlan(db, input, catalog);
  const { table, task, featureCols, explicit } = plan;
  const skippedFeatures = [...plan.skipped];
  const seed = input.seed ?? 42;
  const testFraction = input.testFraction ?? 0.2;
  await report("loading", `reading ${table.name}`);
  const query = selectFrom(table, [...featureCols.map((c) => c.name), input.target], input.source.filter, "", plan.from);
  const sample = await streamSample(db, query, {
    maxRows: limits.maxRows,
    seed,
    signal: run.signal,
    keep: (row) => row[input.target] !== null && row[input.target] !== void 0,
    onBatch: async (n) => {
      await report("loading", `${n} rows read`);
    }
  });
  if (sample.rows.length < limits.minRows) {
    fail([{ field: "source", message: `needs at least ${limits.minRows} rows with a non-null ${input.target}; the source has ${sample.rows.length}${sample.skipped ? ` (${sample.skipped} skipped for a null target)` : ""}` }]);
  }
  checkAborted(run.signal);
  await report("preparing", `${sample.rows.length} rows`);
  const rand = seededRandom(seed);
  let trainRows = [];
  let testRows = [];
  for (const r of sample.rows) (rand() < testFraction ? testRows : trainRows).push(r);
  if (testRows.length === 0 || trainRows.length === 0) fail([{ field: "testFraction", message: `split left ${trainRows.length} training and ${testRows.length} test rows; use more rows or another fraction` }]);
  let specs = featureCols.map(specOf);
  if (!explicit) {
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
  const width = Math.max(1, preparation.columns.length);
  const fit = Math.max(limits.minRows, Math.floor(WASM_MATRIX_CELLS / width));
  let capped = "";
  if (trainRows.length > fit || testRows.length > fit) {
    const before = trainRows.length;
    trainRows = sampleOf(trainRows, fit, seed);
    testRows = sampleOf(testRows, fit, seed + 1);
    capped = ` (a sample of ${before}: ${width} encoded columns \xD7 at most ${fit} rows fit the WebAssembly model's memory)`;
  }
  let classes = [];
  let scale = null;
  const positive = input.targetPositive ? new Set(input.targetPositive) : null;
  const labelOf = (v) => {
    const s = coerce("category", v);
    return positive ? String(positive.has(s)) : s;
  };
  let yTrain;
  let yTest;
  let majority = 0;
  let trainMean = 0;
  if (task === "CLASSIFICATION") {
    const counts = /* @__PURE__ */ new Map();
    for (const r of trainRows) {
      const l = labelOf(r[input.target]);
      counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    classes = positive ? ["false", "true"] : [...counts.keys()].sort();
    if (counts.size < 2) fail([{ field: "target", message: `the training rows have only one value of ${input.target} (${[...counts.keys()].join(", ")}); a classifier needs at least two` }]);
    if (classes.length > 50) fail([{ field: "target", message: `${input.target} has ${classes.length} distinct values; a classifier takes at most 50 (use REGRESSION for a number)` }]);
    const index = new Map(classes.map((c, i) => [c, i]));
    majority = index.get([...counts.entries()].sort((a, b) => b[1] - a[1])[0][0]);
    yTrain = trainRows.map((r) => index.get(labelOf(r[input.target])));
    yTest = testRows.map((r) => index.get(labelOf(r[input.target])) ?? -1);
  } else {
    const raw = trainRows.map((r) => coerce("number", r[input.target]));
    trainMean = raw.reduce((a, b) => a + b, 0) / raw.length;
    const std = Math.sqrt(raw.reduce((a, b) => a + (b - trainMean) ** 2, 0) / raw.length) || 1;
    scale = { mean: trainMean, std };
    yTrain = raw.map((v) => (v - trainMean) / std);
    yTest = testRows.map((r) => coerce("number", r[input.target]));
  }
  const Xtrain = trainRows.map(encode);
  const Xtest = testRows.map(encode);
  checkAborted(run.signal);
  const algorithm = !input.algorithm || input.algorithm === "AUTO" ? "GRADIENT_BOOSTING" : input.algorithm;
  await report("training", `${algorithm} on ${Xtrain.length} rows \xD7 ${preparation.columns.length} encoded columns${capped}`);
  await tick();
  const spec = { task, algorithm, classes: task === "CLASSIFICATION" ? classes.length : 1, seed };
  const booster = await trainBooster(spec, Xtrain, yTrain);
  try {
    checkAborted(run.signal);
    await report("evaluating", `${Xtest.length} held-out rows`);
    await tick();
    const target = { column: input.target, task, classes, positive: input.targetPositive ?? null, scale };
    const evaluate = (X) => {
      const out = booster.predict(X);
      if (task === "CLASSIFICATION") {
        const keep = yTest.map((y, i) => y >= 0 ? i : -1).filter((i) => i >= 0);
        return classificationMetrics(classes, keep.map((i) => yTest[i]), keep.map((i) => out[i]), majority);
      }
      return regressionMetrics(yTest, out.map((o) => o[0] * scale.std + scale.mean), trainMean);
    };
    const metrics = evaluate(Xtest);
    const key = keyMetric(metrics);
    const m = Math.min(Xtest.length, 2e3);
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
        [perm[i], perm[j]] = [perm[j], perm[i]];
      }
      const X = sub.map((row, i) => {
        const copy = row.slice();
        const from = sub[perm[i]];
        for (let k = slice.start; k < slice.start + slice.width; k++) copy[k] = from[k];
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
      trainingMs: Date.now() - started
    };
  } finally {
    booster.free();
  }
}
export {
  resolveTrainPlan,
  trainInputProblems,
  trainModel,
  trainStages
};
