/**
 * The API schema as it is now, replaced at runtime when the database's
 * tables change: built by a supplied function from the code-first base,
 * rebuilt on demand (`reload`, the refreshSchema mutation) or when a cheap
 * catalog fingerprint read every few seconds changes (`watch`, the gateway
 * process only). Rebuilds run one at a time; a rebuild that fails keeps the
 * schema in use and says why.
 *
 * Consumers read `current` for each new operation and listen with
 * `onChange`; an operation (or a subscription) that started on a schema
 * finishes on it.
 */
import { createHash } from "node:crypto";
import { printSchema, validateSchema, type GraphQLSchema } from "graphql";
import type { Logger } from "../log.js";
import { GatewayError, ErrorCode } from "../errors.js";
import { diffFingerprints, type CatalogDiff, type CatalogFingerprint } from "../catalog/index.js";

export interface LiveSchemaOptions {
  /** The code-first schema every build starts from. */
  base: GraphQLSchema;
  /** Builds the API schema from the base (today the identity; the generated data API merges its fields in). */
  build: (base: GraphQLSchema) => Promise<GraphQLSchema>;
  /** Reads what the build depends on in the database (see catalog/fingerprint.ts). */
  fingerprint: () => Promise<CatalogFingerprint>;
  log: Logger;
}

/** What one rebuild found and did. */
export interface SchemaReload {
  /** The API schema is a different one than before (its printed SDL differs). */
  changed: boolean;
  version: string;
  previousVersion: string;
  /** Schema-qualified tables since the last successful build. */
  tablesAdded: string[];
  tablesRemoved: string[];
  tablesAltered: string[];
  builtAt: Date;
  durationMs: number;
}

/** A new schema object in use; `version` equals `previousVersion` when only resolvers changed. */
export interface SchemaChange {
  schema: GraphQLSchema;
  previous: GraphQLSchema;
  version: string;
  previousVersion: string;
}

export class SchemaBuildError extends GatewayError {
  constructor(reason: string) {
    super(ErrorCode.SCHEMA_BUILD_FAILED, `The API schema could not be rebuilt, so the previous one stays in use: ${reason}`, { reason });
  }
}

/** A schema's identity for callers: a digest of its SDL. */
export function schemaVersion(schema: GraphQLSchema): string {
  return createHash("sha256").update(printSchema(schema)).digest("hex").slice(0, 16);
}

/** Polls after a failed rebuild wait this long at first, doubling per failure of the same catalog up to the cap. */
const FAILURE_BACKOFF_MAX_MS = 5 * 60_000;

export class LiveSchema {
  private schema: GraphQLSchema;
  private schemaVersionId: string;
  /** The fingerprint the current schema was built from; null before the first successful build. */
  private builtFrom: CatalogFingerprint | null = null;
  private running: Promise<SchemaReload> | null = null;
  private queued: Promise<SchemaReload> | null = null;
  private failure: { hash: string; attempts: number; retryAt: number } | null = null;
  private readonly changeListeners = new Set<(change: SchemaChange) => void>();
  private readonly catalogListeners = new Set<(diff: CatalogDiff) => Promise<void> | void>();
  private timer: NodeJS.Timeout | null = null;
  /** The watcher's current step function; a stale one (after stop or a new watch) does not reschedule. */
  private watching: (() => void) | null = null;
  private closed = false;
  private checkFailing = false;
  private readonly log: Logger;

  constructor(private readonly opts: LiveSchemaOptions) {
    this.log = opts.log.child({ service: "schema" });
    this.schema = opts.base;
    this.schemaVersionId = schemaVersion(opts.base);
  }

  /** The schema new operations run on. */
  get current(): GraphQLSchema {
    return this.schema;
  }

  get version(): string {
    return this.schemaVersionId;
  }

  /**
   * The first build. A failure is logged and leaves the base schema in use
   * (the gateway's own API keeps working); the watcher retries it.
   */
  async init(): Promise<void> {
    await this.reload().catch(() => undefined);
  }

  /** Called with every new schema object, after it is in use (even when its SDL, and so its version, is unchanged). */
  onChange(listener: (change: SchemaChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /**
   * Called when the database's tables changed, before the rebuild (so
   * caches the build reads from are fresh for it). Awaited; a listener's
   * failure is logged and does not stop the rebuild.
   */
  onCatalogChange(listener: (diff: CatalogDiff) => Promise<void> | void): () => void {
    this.catalogListeners.add(listener);
    return () => this.catalogListeners.delete(listener);
  }

  /**
   * Rebuilds now, whatever the fingerprint says. Calls during a rebuild
   * share one more rebuild after it (which sees every change made meanwhile).
   * Rejects with SchemaBuildError when the build fails; the old schema stays.
   */
  reload(): Promise<SchemaReload> {
    if (!this.running) return this.start(() => this.rebuild(null));
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = null;
        return this.start(() => this.rebuild(null));
      });
    return this.queued;
  }

  /**
   * Reads the fingerprint every `intervalMs` (the next read is scheduled when
   * the previous check ended, so they never pile up) and rebuilds when it
   * changed. 0 turns watching off. Returns a function that stops it.
   */
  watch(intervalMs: number): () => void {
    this.stopWatching();
    if (intervalMs <= 0 || this.closed) return () => {};
    const tick = () => {
      this.timer = null;
      void this.check()
        .then(() => (this.checkFailing = false))
        .catch((err) => {
          // Once per outage, not every interval while the database is away.
          if (!this.checkFailing) this.log.warn({ err: (err as Error).message }, "schema check failed; retrying every interval");
          this.checkFailing = true;
        })
        .finally(() => {
          if (!this.closed && this.watching === tick) this.timer = setTimeout(tick, intervalMs).unref();
        });
    };
    this.watching = tick;
    this.timer = setTimeout(tick, intervalMs).unref();
    return () => {
      if (this.watching === tick) this.stopWatching();
    };
  }

  private stopWatching(): void {
    this.watching = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Stops watching and waits for a rebuild in progress. */
  async close(): Promise<void> {
    this.closed = true;
    this.stopWatching();
    await (this.queued ?? this.running)?.catch(() => undefined);
  }

  /** One watcher step: a rebuild only when the fingerprint moved (and a failed build of it is not backing off). */
  async check(): Promise<SchemaReload | null> {
    if (this.busy()) return null;
    const fingerprint = await this.opts.fingerprint();
    if (fingerprint.hash === this.builtFrom?.hash) {
      this.failure = null;
      return null;
    }
    if (this.failure?.hash === fingerprint.hash && Date.now() < this.failure.retryAt) return null;
    if (this.busy()) return null;
    return this.start(() => this.rebuild(fingerprint)).catch(() => null);
  }

  /** A rebuild runs or waits to run (reload() queued one), or the service is closed: a check has nothing to do. */
  private busy(): boolean {
    return Boolean(this.running || this.queued || this.closed);
  }

  private start(run: () => Promise<SchemaReload>): Promise<SchemaReload> {
    const p = run().finally(() => {
      if (this.running === p) this.running = null;
    });
    this.running = p;
    return p;
  }

  private async rebuild(given: CatalogFingerprint | null): Promise<SchemaReload> {
    const started = performance.now();
    // Read before building: a change made during the build then shows up as a new fingerprint next time.
    let fingerprint: CatalogFingerprint;
    try {
      fingerprint = given ?? (await this.opts.fingerprint());
    } catch (err) {
      const reason = `could not read the catalog: ${err instanceof Error ? err.message : String(err)}`;
      this.log.error({ err: reason }, "API schema rebuild failed; the previous schema stays in use");
      throw new SchemaBuildError(reason);
    }
    const diff = diffFingerprints(this.builtFrom, fingerprint);
    if (this.builtFrom && fingerprint.hash !== this.builtFrom.hash) await this.notifyCatalog(diff);
    let schema: GraphQLSchema;
    let version: string;
    try {
      schema = await this.opts.build(this.opts.base);
      // Checked here, not by the first consumer: Apollo would reject an invalid schema only after the swap.
      const problems = validateSchema(schema);
      if (problems.length) throw new Error(`the built schema is invalid: ${problems.map((p) => p.message).join(" ")}`);
      version = schemaVersion(schema);
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      const attempts = this.failure?.hash === fingerprint.hash ? this.failure.attempts + 1 : 1;
      const interval = Math.min(FAILURE_BACKOFF_MAX_MS, 1_000 * 2 ** (attempts - 1));
      this.failure = { hash: fingerprint.hash, attempts, retryAt: Date.now() + interval };
      // The first failure of a catalog state is an error; the watcher's retries of it are only worth a debug line.
      this.log[attempts === 1 ? "error" : "debug"]({ err: reason, stack: err instanceof Error ? err.stack : undefined, version: this.schemaVersionId, attempts }, "API schema rebuild failed; the previous schema stays in use");
      throw new SchemaBuildError(reason);
    }
    const first = this.builtFrom === null;
    this.failure = null;
    this.builtFrom = fingerprint;
    const previous = this.schema;
    const previousVersion = this.schemaVersionId;
    const changed = version !== previousVersion;
    // A new build goes in even when its SDL is the same: its resolvers may differ (a renamed column behind an
    // unchanged field name). Only the very same object (a factory that returns the base) changes nothing.
    if (schema !== previous && !this.closed) {
      this.schema = schema;
      this.schemaVersionId = version;
      for (const listener of this.changeListeners) {
        try {
          listener({ schema, previous, version, previousVersion });
        } catch (err) {
          this.log.error({ err: (err as Error).message }, "a schema change listener failed");
        }
      }
    }
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const result: SchemaReload = {
      changed,
      version: this.schemaVersionId,
      previousVersion,
      tablesAdded: diff.added,
      tablesRemoved: diff.removed,
      tablesAltered: diff.altered,
      builtAt: new Date(),
      durationMs,
    };
    if (first) this.log.info({ version, tables: fingerprint.tables.size, ms: durationMs }, "API schema built");
    else if (changed) this.log.info({ version, previousVersion, added: diff.added, removed: diff.removed, altered: diff.altered, ms: durationMs }, "API schema reloaded");
    else this.log.debug({ version, ms: durationMs }, "API schema rebuilt, unchanged");
    return result;
  }

  private async notifyCatalog(diff: CatalogDiff): Promise<void> {
    for (const listener of this.catalogListeners) {
      try {
        await listener(diff);
      } catch (err) {
        this.log.warn({ err: (err as Error).message }, "a catalog change listener failed");
      }
    }
  }
}
