import { BadUserInputError, ErrorCode, GatewayError, NotFoundError } from "../errors.js";
const MODEL_CHANGED_TOPIC = "ML_MODEL_CHANGED";
function view(rec) {
  const r = rec;
  const m = r.metrics;
  return { ...r, keyMetric: m?.key ?? null, featureImportance: m?.featureImportance ?? [] };
}
const keyOf = (metrics) => metrics?.key ?? null;
class ModelRegistry {
  constructor(db, pubSub, log) {
    this.db = db;
    this.pubSub = pubSub;
    this.log = log.child({ component: "ml-registry" });
  }
  db;
  pubSub;
  log;
  localListeners = [];
  /** Called at once in this process when a name's versions change (other processes hear it over the pub/sub). */
  onLocalChange(fn) {
    this.localListeners.push(fn);
  }
  announce(name) {
    for (const fn of this.localListeners) fn(name);
    this.pubSub.publish(MODEL_CHANGED_TOPIC, { name });
  }
  async save(trained, meta) {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.db.prisma.$transaction(async (tx) => {
          const last = await tx.mlModel.aggregate({ where: { name: meta.name }, _max: { version: true } });
          const version = (last._max.version ?? 0) + 1;
          const current = await tx.mlModel.findFirst({ where: { name: meta.name, active: true }, select: { version: true, metrics: true, task: true } });
          let activated;
          let reason;
          const mine = trained.metrics.key;
          if (meta.activate === "NEVER") {
            activated = false;
            reason = "activate: NEVER";
          } else if (meta.activate === "ALWAYS") {
            activated = true;
            reason = "activate: ALWAYS";
          } else if (!current) {
            activated = true;
            reason = "no active version of this name yet";
          } else {
            const theirs = keyOf(current.metrics);
            if (current.task !== trained.task || !theirs || theirs.name !== mine.name) {
              activated = false;
              reason = `active version ${current.version} is measured differently (${current.task} ${theirs?.name ?? "?"}); activate explicitly`;
            } else {
              const better = mine.higherIsBetter ? mine.value > theirs.value : mine.value < theirs.value;
              activated = better;
              reason = `${mine.name} ${mine.value.toFixed(4)} ${better ? "beats" : "does not beat"} active version ${current.version}'s ${theirs.value.toFixed(4)}`;
            }
          }
          if (activated) await tx.mlModel.updateMany({ where: { name: meta.name, active: true }, data: { active: false } });
          const model = await tx.mlModel.create({
            data: {
              name: meta.name,
              version,
              task: trained.task,
              algorithm: trained.algorithm,
              target: trained.target.column,
              source: meta.source,
              featureSchema: trained.featureSchema,
              preparation: { ...trained.preparation, target: trained.target },
              metrics: { ...trained.metrics, rowsTrain: trained.rowsTrain, rowsTest: trained.rowsTest, rowsSeen: trained.rowsSeen, skippedFeatures: trained.skippedFeatures },
              params: trained.params,
              artifact: trained.artifact,
              rowsUsed: trained.rowsUsed,
              trainingMs: trained.trainingMs,
              status: "READY",
              active: activated
            }
          });
          return { model: view(model), activated, activationReason: reason };
        });
        if (result.activated) this.announce(meta.name);
        this.log.info({ name: meta.name, version: result.model.version, activated: result.activated }, "model saved");
        return result;
      } catch (err) {
        if (err.code === "P2002" && attempt < 3) continue;
        throw err;
      }
    }
  }
  async list(name) {
    const rows = await this.db.prisma.mlModel.findMany({
      where: name ? { name } : {},
      orderBy: [{ name: "asc" }, { version: "desc" }],
      omit: { artifact: true }
    });
    return rows.map(view);
  }
  /** A version, or the active one when version is null (the newest when none is active). */
  async get(name, version, withArtifact = false) {
    const rec = version !== null && version !== void 0 ? await this.db.prisma.mlModel.findUnique({ where: { name_version: { name, version } }, omit: { artifact: !withArtifact } }) : await this.db.prisma.mlModel.findFirst({ where: { name, active: true }, omit: { artifact: !withArtifact } }) ?? await this.db.prisma.mlModel.findFirst({ where: { name }, orderBy: { version: "desc" }, omit: { artifact: !withArtifact } });
    if (!rec) {
      const names = (await this.db.prisma.mlModel.findMany({ distinct: ["name"], select: { name: true } })).map((r) => r.name);
      throw new GatewayError(ErrorCode.NOT_FOUND, version ? `Model ${name} has no version ${version}.` : `No model named ${JSON.stringify(name)}. Known models: ${names.join(", ") || "none yet (train one with trainModel)"}.`, { model: name, version: version ?? null });
    }
    return view(rec);
  }
  /** The active version's number, or null. */
  async activeVersion(name) {
    const rec = await this.db.prisma.mlModel.findFirst({ where: { name, active: true }, select: { version: true } });
    return rec?.version ?? null;
  }
  async activate(name, version) {
    const rec = await this.db.prisma.$transaction(async (tx) => {
      const target = await tx.mlModel.findUnique({ where: { name_version: { name, version } }, select: { id: true, status: true } });
      if (!target) throw new NotFoundError("Model version", { name, version });
      if (target.status !== "READY") throw new BadUserInputError(`Model ${name} version ${version} is ${target.status} and cannot be activated.`);
      await tx.mlModel.updateMany({ where: { name, active: true }, data: { active: false } });
      return tx.mlModel.update({ where: { id: target.id }, data: { active: true }, omit: { artifact: true } });
    });
    this.announce(name);
    return view(rec);
  }
  /** Deletes one version, or every version of the name when version is null; returns how many. */
  async delete(name, version) {
    const where = version !== null && version !== void 0 ? { name, version } : { name };
    const res = await this.db.prisma.mlModel.deleteMany({ where });
    if (res.count === 0) throw new NotFoundError("Model", version ? { name, version } : name);
    this.announce(name);
    return res.count;
  }
}
export {
  MODEL_CHANGED_TOPIC,
  ModelRegistry
};
