import { BadUserInputError } from "../errors.js";
import { loadBooster } from "./booster.js";
import { createEncoder, inputProblems } from "./prepare/index.js";
import { MODEL_CHANGED_TOPIC } from "./registry.service.js";
class InferenceService {
  constructor(registry, pubSub, limits, log) {
    this.registry = registry;
    this.limits = limits;
    const own = log.child({ component: "ml-inference" });
    this.log = own;
    registry.onLocalChange((name) => this.purge(name));
    const events = pubSub.subscribe(MODEL_CHANGED_TOPIC);
    void (async () => {
      try {
        for await (const ev of events) this.purge(ev.name);
      } catch (err) {
        own.warn({ err: err.message }, "model change listener stopped");
      }
    })();
  }
  registry;
  limits;
  log;
  /** name → active model; name@version → a pinned version. */
  cache = /* @__PURE__ */ new Map();
  /**
   * Forgets the loaded active version of a name (its next use loads the new active version) and any
   * pinned versions of it (they may have been deleted).
   */
  purge(name) {
    for (const key of [...this.cache.keys()]) {
      if (key === name || key.startsWith(`${name}@`)) this.purgeKey(key);
    }
  }
  loadedModels() {
    return [...this.cache.keys()];
  }
  /** The active (or pinned) version, loaded once and reused. */
  async model(name, version) {
    const key = version ? `${name}@${version}` : name;
    let entry = this.cache.get(key);
    if (!entry) {
      if (version) {
        const pinned = [...this.cache.keys()].filter((k) => k.includes("@"));
        if (pinned.length >= this.limits.maxPinned) this.purgeKey(pinned[0]);
      }
      entry = this.load(name, version ?? null);
      this.cache.set(key, entry);
      entry.catch(() => this.cache.delete(key));
    }
    return entry;
  }
  purgeKey(key) {
    const entry = this.cache.get(key);
    this.cache.delete(key);
    entry?.then((m) => {
      setTimeout(() => m.booster.free(), 5e3).unref();
    }).catch(() => {
    });
  }
  /**
   * Loads a version outside the cache, for long work (batch inference) that must not lose its model
   * when the cache drops or replaces an entry. The caller frees it (`booster.free()`).
   */
  loadOwned(name, version) {
    return this.load(name, version);
  }
  async load(name, version) {
    if (version === null) {
      const active = await this.registry.activeVersion(name);
      if (active === null) {
        await this.registry.get(name, null);
        throw new BadUserInputError(`Model ${name} has no active version; activate one with activateModel or pass a version.`);
      }
      version = active;
    }
    const rec = await this.registry.get(name, version, true);
    const prep = rec.preparation;
    const booster = await loadBooster(rec.artifact, rec.task, prep.target.task === "CLASSIFICATION" ? prep.target.classes.length : 1);
    this.log.info({ name, version }, "model loaded");
    return { name, version, task: rec.task, target: prep.target, featureSchema: rec.featureSchema, encode: createEncoder(prep), booster };
  }
  /** Maps a raw model output to a label with probabilities, or a value on the target's scale. */
  toOutput(m, raw) {
    if (m.task === "REGRESSION") {
      const s = m.target.scale;
      return { prediction: raw[0] * s.std + s.mean, probabilities: null };
    }
    const probabilities = m.target.classes.map((label, i) => ({ label, probability: raw[i] })).sort((a, b) => b.probability - a.probability);
    return { prediction: probabilities[0].label, probabilities };
  }
  async predict(name, input, version) {
    const t0 = performance.now();
    const m = await this.model(name, version);
    const problems = inputProblems(m.featureSchema, input);
    if (problems.length) throw this.inputError(m, problems);
    const raw = m.booster.predict([m.encode(input)])[0];
    return { model: m.name, version: m.version, ...this.toOutput(m, raw), latencyMs: performance.now() - t0 };
  }
  async predictBatch(name, inputs, version) {
    const t0 = performance.now();
    if (inputs.length === 0 || inputs.length > this.limits.maxBatch) {
      throw new BadUserInputError(`inputs must hold 1 to ${this.limits.maxBatch} objects (ML_PREDICT_BATCH_MAX); got ${inputs.length}. Split larger sets or use runBatchInference.`, {
        problems: [{ field: "inputs", message: "count out of range" }]
      });
    }
    const m = await this.model(name, version);
    const problems = [];
    inputs.forEach((inp, i) => problems.push(...inputProblems(m.featureSchema, inp, `inputs[${i}]`)));
    if (problems.length) throw this.inputError(m, problems);
    const raw = m.booster.predict(inputs.map((inp) => m.encode(inp)));
    return { model: m.name, version: m.version, predictions: raw.map((r) => this.toOutput(m, r)), latencyMs: performance.now() - t0 };
  }
  /** One BAD_USER_INPUT listing every problem (the first 50 in the message), with the expected schema. */
  inputError(m, problems) {
    const shown = problems.slice(0, 50).map((p) => `${p.field}: ${p.message}`).join("; ");
    return new BadUserInputError(
      `Input does not match model ${m.name} version ${m.version}: ${problems.length} problem(s): ${shown}${problems.length > 50 ? "; \u2026" : ""}.`,
      { problems, featureSchema: m.featureSchema.map((f) => ({ name: f.name, kind: f.kind })) }
    );
  }
  close() {
    for (const key of [...this.cache.keys()]) this.purgeKey(key);
  }
}
export {
  InferenceService
};
