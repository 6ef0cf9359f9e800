/**
 * The model registry over `ml_models`: stores trained versions (numbered per
 * name), decides activation (ALWAYS, IF_BETTER on the key metric, NEVER),
 * rolls the active version forward or back, deletes, and announces every
 * change of the active version on the pub/sub so each process reloads.
 */
import type { Database } from "../db/database.js";
import { BadUserInputError, ErrorCode, GatewayError, NotFoundError } from "../errors.js";
import type { GatewayPubSub } from "../pubsub/index.js";
import type { Logger } from "../log.js";
import type { TrainedModel } from "./train.service.js";
import { keysetPage, type ConnectionShape, type PageArgs, type PageLimits } from "../paging/index.js";

export type ActivationPolicy = "ALWAYS" | "IF_BETTER" | "NEVER";
export const MODEL_CHANGED_TOPIC = "ML_MODEL_CHANGED";

export interface ModelRecord {
  id: number;
  name: string;
  version: number;
  task: string;
  algorithm: string;
  target: string;
  source: unknown;
  featureSchema: unknown;
  preparation: unknown;
  metrics: unknown;
  params: unknown;
  artifact: unknown;
  rowsUsed: number;
  trainingMs: number;
  status: string;
  active: boolean;
  createdAt: Date;
  /** From metrics, for convenience. */
  keyMetric: { name: string; value: number; higherIsBetter: boolean } | null;
  featureImportance: Array<{ feature: string; importance: number }>;
}

function view(rec: unknown): ModelRecord {
  const r = rec as ModelRecord;
  const m = r.metrics as { key?: ModelRecord["keyMetric"]; featureImportance?: ModelRecord["featureImportance"] } | null;
  return { ...r, keyMetric: m?.key ?? null, featureImportance: m?.featureImportance ?? [] };
}

export interface SaveResult {
  model: ModelRecord;
  activated: boolean;
  /** Why the version was or was not activated. */
  activationReason: string;
}

type KeyMetric = { name: string; value: number; higherIsBetter: boolean };
const keyOf = (metrics: unknown): KeyMetric | null => ((metrics as { key?: KeyMetric })?.key ?? null);

export class ModelRegistry {
  private readonly log: Logger;
  constructor(
    private readonly db: Database,
    private readonly pubSub: GatewayPubSub,
    log: Logger,
  ) {
    this.log = log.child({ component: "ml-registry" });
  }

  private readonly localListeners: Array<(name: string) => void> = [];

  /** Called at once in this process when a name's versions change (other processes hear it over the pub/sub). */
  onLocalChange(fn: (name: string) => void): void {
    this.localListeners.push(fn);
  }

  private announce(name: string) {
    for (const fn of this.localListeners) fn(name);
    this.pubSub.publish(MODEL_CHANGED_TOPIC, { name });
  }

  async save(trained: TrainedModel, meta: { name: string; source: unknown; activate: ActivationPolicy }): Promise<SaveResult> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await this.db.prisma.$transaction(async (tx) => {
          const last = await tx.mlModel.aggregate({ where: { name: meta.name }, _max: { version: true } });
          const version = (last._max.version ?? 0) + 1;
          const current = await tx.mlModel.findFirst({ where: { name: meta.name, active: true }, select: { version: true, metrics: true, task: true } });
          let activated: boolean;
          let reason: string;
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
              source: meta.source as object,
              featureSchema: trained.featureSchema as unknown as object,
              preparation: { ...trained.preparation, target: trained.target } as unknown as object,
              metrics: { ...trained.metrics, rowsTrain: trained.rowsTrain, rowsTest: trained.rowsTest, rowsSeen: trained.rowsSeen, skippedFeatures: trained.skippedFeatures } as unknown as object,
              params: trained.params,
              artifact: trained.artifact as unknown as object,
              rowsUsed: trained.rowsUsed,
              trainingMs: trained.trainingMs,
              status: "READY",
              active: activated,
            },
          });
          return { model: view(model), activated, activationReason: reason };
        });
        if (result.activated) this.announce(meta.name);
        this.log.info({ name: meta.name, version: result.model.version, activated: result.activated }, "model saved");
        return result;
      } catch (err) {
        // Two trainings of one name finishing together: the unique (name, version) makes one retry.
        if ((err as { code?: string }).code === "P2002" && attempt < 3) continue;
        throw err;
      }
    }
  }

  /** Stored versions (every column but the artifact), by name, newest version first within a name. */
  page(name: string | null | undefined, args: PageArgs, limits: PageLimits): Promise<ConnectionShape<ModelRecord>> {
    const byName = name !== null && name !== undefined;
    return keysetPage<Record<string, unknown>, ModelRecord>(
      this.db,
      {
        name: "models",
        table: this.db.gateway.table("ml_models"),
        select: `id, name, version, task, algorithm, target, source, feature_schema AS "featureSchema", preparation, metrics, params,
          rows_used AS "rowsUsed", training_ms AS "trainingMs", status, active, created_at AS "createdAt"`,
        where: byName ? ["name = $1"] : [],
        params: byName ? [name] : [],
        order: [
          { column: "name", type: "text" },
          { column: "version", type: "int", descending: true },
        ],
        map: (r) => view(r),
      },
      args,
      limits,
    );
  }

  /** A version, or the active one when version is null (the newest when none is active); null when there is none. */
  async find(name: string, version?: number | null, withArtifact = false): Promise<ModelRecord | null> {
    const rec =
      version !== null && version !== undefined
        ? await this.db.prisma.mlModel.findUnique({ where: { name_version: { name, version } }, omit: { artifact: !withArtifact } })
        : ((await this.db.prisma.mlModel.findFirst({ where: { name, active: true }, omit: { artifact: !withArtifact } })) ??
          (await this.db.prisma.mlModel.findFirst({ where: { name }, orderBy: { version: "desc" }, omit: { artifact: !withArtifact } })));
    return rec ? view(rec) : null;
  }

  /** Like find, but NOT_FOUND (naming the known models) when there is none. */
  async get(name: string, version?: number | null, withArtifact = false): Promise<ModelRecord> {
    const rec = await this.find(name, version, withArtifact);
    if (!rec) {
      const names = (await this.db.prisma.mlModel.findMany({ distinct: ["name"], select: { name: true } })).map((r) => r.name);
      throw new GatewayError(ErrorCode.NOT_FOUND, version ? `Model ${name} has no version ${version}.` : `No model named ${JSON.stringify(name)}. Known models: ${names.join(", ") || "none yet (train one with trainModel)"}.`, { model: name, version: version ?? null });
    }
    return rec;
  }

  /** The active version's number, or null. */
  async activeVersion(name: string): Promise<number | null> {
    const rec = await this.db.prisma.mlModel.findFirst({ where: { name, active: true }, select: { version: true } });
    return rec?.version ?? null;
  }

  async activate(name: string, version: number): Promise<ModelRecord> {
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
  async delete(name: string, version?: number | null): Promise<number> {
    const where = version !== null && version !== undefined ? { name, version } : { name };
    const res = await this.db.prisma.mlModel.deleteMany({ where });
    if (res.count === 0) throw new NotFoundError("Model", version ? { name, version } : name);
    this.announce(name);
    return res.count;
  }
}
