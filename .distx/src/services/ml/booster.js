import { createRequire } from "node:module";
let loading = null;
function loadXGBoost() {
  if (!loading) {
    const require2 = createRequire(import.meta.url);
    const wa = globalThis.WebAssembly;
    const streaming = wa.instantiateStreaming;
    wa.instantiateStreaming = void 0;
    const { log, warn } = console;
    const notice = /^\[\d\d:\d\d:\d\d\] Tree method is selected/;
    console.log = (...args) => void (typeof args[0] === "string" && notice.test(args[0]) ? void 0 : log(...args));
    console.warn = (...args) => void (typeof args[0] === "string" && notice.test(args[0]) ? void 0 : warn(...args));
    try {
      loading = require2("ml-xgboost");
    } finally {
      wa.instantiateStreaming = streaming;
      console.log = log;
      console.warn = warn;
    }
  }
  return loading;
}
function boosterOptions(spec) {
  const objective = spec.task === "REGRESSION" ? "reg:linear" : spec.classes > 2 ? "multi:softprob" : "binary:logistic";
  const base = { objective, seed: spec.seed, silent: 1, nthread: 1 };
  if (spec.task === "CLASSIFICATION" && spec.classes > 2) base.num_class = spec.classes;
  let opts;
  switch (spec.algorithm) {
    case "LINEAR":
      opts = { ...base, booster: "gblinear", eta: 0.5, lambda: 1e-3, alpha: 0, iterations: 60 };
      break;
    case "RANDOM_FOREST":
      opts = { ...base, booster: "gbtree", tree_method: "hist", eta: 1, num_parallel_tree: 40, subsample: 0.632, colsample_bylevel: 0.6, max_depth: 8, min_child_weight: 1, iterations: 1 };
      break;
    case "GRADIENT_BOOSTING":
      opts = { ...base, booster: "gbtree", tree_method: "hist", eta: 0.2, max_depth: 6, subsample: 0.8, colsample_bytree: 0.9, min_child_weight: 1, iterations: spec.classes > 2 ? 30 : 60 };
      break;
  }
  return { ...opts, ...spec.overrides ?? {} };
}
class Booster {
  constructor(inner, task, classes) {
    this.inner = inner;
    this.task = task;
    this.classes = classes;
  }
  inner;
  task;
  classes;
  freed = false;
  /**
   * Class probabilities per row for classification (length = classes), or
   * a one-element array with the value for regression.
   */
  predict(rows) {
    if (this.freed) throw new Error("model was freed");
    if (rows.length === 0) return [];
    const raw = this.inner.predict(rows);
    return raw.map((r) => {
      if (Array.isArray(r)) return r;
      if (this.task === "CLASSIFICATION") return [1 - r, r];
      return [r];
    });
  }
  toArtifact() {
    const json = this.inner.toJSON();
    const bytes = Int8Array.from(json.model);
    return { format: "xgboost-wasm-1", options: json.options, model: Buffer.from(bytes.buffer).toString("base64") };
  }
  free() {
    if (this.freed) return;
    this.freed = true;
    this.inner.free();
  }
}
async function trainBooster(spec, X, y) {
  const XGBoost = await loadXGBoost();
  const model = new XGBoost(boosterOptions(spec));
  model.train(X, y);
  return new Booster(model, spec.task, spec.classes);
}
async function loadBooster(artifact, task, classes) {
  if (artifact?.format !== "xgboost-wasm-1") throw new Error(`unknown model artifact format ${JSON.stringify(artifact?.format)}`);
  const XGBoost = await loadXGBoost();
  const bytes = new Uint8Array(Buffer.from(artifact.model, "base64"));
  const model = XGBoost.load({ name: "ml-xgboost", model: bytes, options: { ...artifact.options } });
  return new Booster(model, task, classes);
}
export {
  Booster,
  boosterOptions,
  loadBooster,
  loadXGBoost,
  trainBooster
};
