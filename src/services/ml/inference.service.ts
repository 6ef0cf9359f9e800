/**
 * Serves predictions: keeps active models loaded per process (reloaded when a
 * version change is announced on the pub/sub, from any process), checks inputs
 * against the feature schema, and maps model outputs back to labels or values.
 */
import type { Logger } from "../log.js";
import { BadUserInputError, type InputProblem } from "../errors.js";
import type { GatewayPubSub } from "../pubsub/index.js";
import { loadBooster, type Booster, type BoosterArtifact, type Task } from "./booster.js";
import { createEncoder, inputProblems, type FeatureSpec, type Preparation } from "./prepare/index.js";
import { MODEL_CHANGED_TOPIC, type ModelRegistry } from "./registry.service.js";
import type { TargetInfo } from "./train.service.js";

export interface LoadedModel {
  name: string;
  version: number;
  task: Task;
  target: TargetInfo;
  featureSchema: FeatureSpec[];
  encode: (row: Record<string, unknown>) => number[];
  booster: Booster;
}

export interface PredictionOut {
  /** The predicted label (classification) or value (regression). */
  prediction: string | number;
  /** Class probabilities, highest first (classification only). */
  probabilities: Array<{ label: string; probability: number }> | null;
}

export interface PredictResult extends PredictionOut {
  model: string;
  version: number;
  latencyMs: number;
}

export interface PredictBatchResult {
  model: string;
  version: number;
  predictions: PredictionOut[];
  latencyMs: number;
}

export class InferenceService {
  private readonly log: Logger;
  /** name → active model; name@version → a pinned version. */
  private readonly cache = new Map<string, Promise<LoadedModel>>();

  constructor(
    private readonly registry: ModelRegistry,
    pubSub: GatewayPubSub,
    private readonly limits: { maxBatch: number; maxPinned: number },
    log: Logger,
  ) {
    const own = log.child({ component: "ml-inference" });
    this.log = own;
    // This process's own changes take effect before the mutation answers; the pub/sub carries them to the others.
    registry.onLocalChange((name) => this.purge(name));
    const events = (pubSub as unknown as { subscribe(topic: string): AsyncIterableIterator<unknown> }).subscribe(MODEL_CHANGED_TOPIC);
    void (async () => {
      try {
        for await (const ev of events) this.purge((ev as { name: string }).name);
      } catch (err) {
        own.warn({ err: (err as Error).message }, "model change listener stopped");
      }
    })();
  }

  /**
   * Forgets the loaded active version of a name (its next use loads the new active version) and any
   * pinned versions of it (they may have been deleted).
   */
  purge(name: string): void {
    for (const key of [...this.cache.keys()]) {
      if (key === name || key.startsWith(`${name}@`)) this.purgeKey(key);
    }
  }

  loadedModels(): string[] {
    return [...this.cache.keys()];
  }

  /** The active (or pinned) version, loaded once and reused. */
  async model(name: string, version?: number | null): Promise<LoadedModel> {
    const key = version ? `${name}@${version}` : name;
    let entry = this.cache.get(key);
    if (!entry) {
      if (version) {
        const pinned = [...this.cache.keys()].filter((k) => k.includes("@"));
        if (pinned.length >= this.limits.maxPinned) this.purgeKey(pinned[0]!);
      }
      entry = this.load(name, version ?? null);
      this.cache.set(key, entry);
      entry.catch(() => this.cache.delete(key));
    }
    return entry;
  }

  private purgeKey(key: string) {
    const entry = this.cache.get(key);
    this.cache.delete(key);
    entry?.then((m) => m.booster.free()).catch(() => {});
  }

  /**
   * Loads a version outside the cache, for long work (batch inference) that must not lose its model
   * when the cache drops or replaces an entry. The caller frees it (`booster.free()`).
   */
  loadOwned(name: string, version: number): Promise<LoadedModel> {
    return this.load(name, version);
  }

  private async load(name: string, version: number | null): Promise<LoadedModel> {
    if (version === null) {
      const active = await this.registry.activeVersion(name);
      if (active === null) {
        // Surfaces NOT_FOUND for unknown names; a name with no active version is a user problem.
        await this.registry.get(name, null);
        throw new BadUserInputError(`Model ${name} has no active version; activate one with activateModel or pass a version.`);
      }
      version = active;
    }
    const rec = await this.registry.get(name, version, true);
    const prep = rec.preparation as Preparation & { target: TargetInfo };
    const booster = await loadBooster(rec.artifact as BoosterArtifact, rec.task as Task, prep.target.task === "CLASSIFICATION" ? prep.target.classes.length : 1);
    this.log.info({ name, version }, "model loaded");
    return { name, version, task: rec.task as Task, target: prep.target, featureSchema: rec.featureSchema as FeatureSpec[], encode: createEncoder(prep), booster };
  }

  /** Maps a raw model output to a label with probabilities, or a value on the target's scale. */
  toOutput(m: LoadedModel, raw: number[]): PredictionOut {
    if (m.task === "REGRESSION") {
      const s = m.target.scale!;
      return { prediction: raw[0]! * s.std + s.mean, probabilities: null };
    }
    const probabilities = m.target.classes.map((label, i) => ({ label, probability: raw[i]! })).sort((a, b) => b.probability - a.probability);
    return { prediction: probabilities[0]!.label, probabilities };
  }

  async predict(name: string, input: unknown, version?: number | null): Promise<PredictResult> {
    const t0 = performance.now();
    const m = await this.model(name, version);
    const problems = inputProblems(m.featureSchema, input);
    if (problems.length) throw this.inputError(m, problems);
    const raw = m.booster.predict([m.encode(input as Record<string, unknown>)])[0]!;
    return { model: m.name, version: m.version, ...this.toOutput(m, raw), latencyMs: performance.now() - t0 };
  }

  async predictBatch(name: string, inputs: unknown[], version?: number | null): Promise<PredictBatchResult> {
    const t0 = performance.now();
    if (inputs.length === 0 || inputs.length > this.limits.maxBatch) {
      throw new BadUserInputError(`inputs must hold 1 to ${this.limits.maxBatch} objects (ML_PREDICT_BATCH_MAX); got ${inputs.length}. Split larger sets or use runBatchInference.`, {
        problems: [{ field: "inputs", message: "count out of range" }],
      });
    }
    const m = await this.model(name, version);
    const problems: InputProblem[] = [];
    inputs.forEach((inp, i) => problems.push(...inputProblems(m.featureSchema, inp, `inputs[${i}]`)));
    if (problems.length) throw this.inputError(m, problems);
    const raw = m.booster.predict(inputs.map((inp) => m.encode(inp as Record<string, unknown>)));
    return { model: m.name, version: m.version, predictions: raw.map((r) => this.toOutput(m, r)), latencyMs: performance.now() - t0 };
  }

  /** One BAD_USER_INPUT listing every problem (the first 50 in the message), with the expected schema. */
  private inputError(m: LoadedModel, problems: InputProblem[]): BadUserInputError {
    const shown = problems.slice(0, 50).map((p) => `${p.field}: ${p.message}`).join("; ");
    return new BadUserInputError(
      `Input does not match model ${m.name} version ${m.version}: ${problems.length} problem(s): ${shown}${problems.length > 50 ? "; …" : ""}.`,
      { problems, featureSchema: m.featureSchema.map((f) => ({ name: f.name, kind: f.kind })) },
    );
  }

  close(): void {
    // The pub/sub subscription is left to die with the pub/sub's own close: ending it here would
    // send an UNSUBSCRIBE that races the Redis disconnect and rejects unhandled.
    for (const key of [...this.cache.keys()]) this.purgeKey(key);
  }
}
