/**
 * The one place that talks to the ML library: XGBoost compiled to WebAssembly
 * (ml-xgboost). Trains gradient-boosted trees, random forests (parallel trees,
 * one round) and linear models (gblinear), predicts, and (de)serializes models.
 */
import { createRequire } from "node:module";
import type { XGBoostClass, XGBoostInstance } from "ml-xgboost";

export type Algorithm = "LINEAR" | "RANDOM_FOREST" | "GRADIENT_BOOSTING";
export type Task = "CLASSIFICATION" | "REGRESSION";

export interface BoosterArtifact {
  format: "xgboost-wasm-1";
  options: Record<string, unknown>;
  /** XGBoost's own binary model, base64. */
  model: string;
}

let loading: Promise<XGBoostClass> | null = null;

/** Loads the WASM module once per process. */
export function loadXGBoost(): Promise<XGBoostClass> {
  if (!loading) {
    const require = createRequire(import.meta.url);
    // The emscripten loader tries fetch() on a file path first and prints a warning when that
    // fails; with instantiateStreaming absent it reads the file directly, silently.
    const wa = (globalThis as unknown as { WebAssembly: { instantiateStreaming?: unknown } }).WebAssembly;
    const streaming = wa.instantiateStreaming;
    wa.instantiateStreaming = undefined;
    // The module keeps references to console.log/warn as its stdout/stderr. It gets filters that
    // drop XGBoost's "[hh:mm:ss] Tree method is selected …" notice printed on every training.
    const { log, warn } = console;
    const notice = /^\[\d\d:\d\d:\d\d\] Tree method is selected/;
    console.log = (...args: unknown[]) => void (typeof args[0] === "string" && notice.test(args[0]) ? undefined : log(...args));
    console.warn = (...args: unknown[]) => void (typeof args[0] === "string" && notice.test(args[0]) ? undefined : warn(...args));
    try {
      loading = require("ml-xgboost") as Promise<XGBoostClass>;
    } finally {
      wa.instantiateStreaming = streaming;
      console.log = log;
      console.warn = warn;
    }
  }
  return loading;
}

export interface TrainSpec {
  task: Task;
  algorithm: Algorithm;
  /** Number of classes for classification (2 = binary). */
  classes: number;
  seed: number;
  /** Overrides of XGBoost parameters (advanced; validated by the caller). */
  overrides?: Record<string, number>;
}

/** XGBoost parameters for an algorithm; chosen to train 50k rows in seconds on one core. */
export function boosterOptions(spec: TrainSpec): Record<string, string | number> {
  const objective =
    spec.task === "REGRESSION" ? "reg:linear" : spec.classes > 2 ? "multi:softprob" : "binary:logistic";
  const base: Record<string, string | number> = { objective, seed: spec.seed, silent: 1, nthread: 1 };
  if (spec.task === "CLASSIFICATION" && spec.classes > 2) base.num_class = spec.classes;
  let opts: Record<string, string | number>;
  switch (spec.algorithm) {
    case "LINEAR":
      // Elastic-net regularized linear / logistic regression by coordinate descent.
      opts = { ...base, booster: "gblinear", eta: 0.5, lambda: 0.001, alpha: 0, iterations: 60 };
      break;
    case "RANDOM_FOREST":
      // A random forest is one boosting round of many parallel trees on bootstrap-like samples.
      opts = { ...base, booster: "gbtree", tree_method: "hist", eta: 1, num_parallel_tree: 40, subsample: 0.632, colsample_bylevel: 0.6, max_depth: 8, min_child_weight: 1, iterations: 1 };
      break;
    case "GRADIENT_BOOSTING":
      opts = { ...base, booster: "gbtree", tree_method: "hist", eta: 0.2, max_depth: 6, subsample: 0.8, colsample_bytree: 0.9, min_child_weight: 1, iterations: spec.classes > 2 ? 30 : 60 };
      break;
  }
  return { ...opts, ...(spec.overrides ?? {}) };
}

/** A trained model in memory. Its WASM memory is not garbage-collected: call free() when done. */
export class Booster {
  private freed = false;
  constructor(
    private readonly inner: XGBoostInstance,
    readonly task: Task,
    readonly classes: number,
  ) {}

  /**
   * Class probabilities per row for classification (length = classes), or
   * a one-element array with the value for regression.
   */
  predict(rows: number[][]): number[][] {
    if (this.freed) throw new Error("model was freed");
    if (rows.length === 0) return [];
    const raw = this.inner.predict(rows);
    return raw.map((r) => {
      if (Array.isArray(r)) return r;
      if (this.task === "CLASSIFICATION") return [1 - r, r];
      return [r];
    });
  }

  toArtifact(): BoosterArtifact {
    const json = this.inner.toJSON();
    const bytes = Int8Array.from(json.model as ArrayLike<number>);
    return { format: "xgboost-wasm-1", options: json.options, model: Buffer.from(bytes.buffer).toString("base64") };
  }

  free(): void {
    if (this.freed) return;
    this.freed = true;
    this.inner.free();
  }
}

export async function trainBooster(spec: TrainSpec, X: number[][], y: number[]): Promise<Booster> {
  const XGBoost = await loadXGBoost();
  const model = new XGBoost(boosterOptions(spec));
  model.train(X, y);
  return new Booster(model, spec.task, spec.classes);
}

export async function loadBooster(artifact: BoosterArtifact, task: Task, classes: number): Promise<Booster> {
  if (artifact?.format !== "xgboost-wasm-1") throw new Error(`unknown model artifact format ${JSON.stringify(artifact?.format)}`);
  const XGBoost = await loadXGBoost();
  const bytes = new Uint8Array(Buffer.from(artifact.model, "base64"));
  const model = XGBoost.load({ name: "ml-xgboost", model: bytes, options: { ...artifact.options } });
  return new Booster(model, task, classes);
}
