import { nearExact, overlap } from "./normalize.js";
const RELOAD_AFTER_MS = 3e4;
const MAX_LOADED = 5e3;
class ExampleMemory {
  constructor(prisma, minSimilarity) {
    this.prisma = prisma;
    this.minSimilarity = minSimilarity;
  }
  prisma;
  minSimilarity;
  loaded = null;
  /** An exact or near-exact match for a normalized question, or null. */
  async match(normalized) {
    const exact = await this.prisma.nlExample.findUnique({ where: { normalized } });
    if (exact) return this.used(exact);
    const near = (await this.all()).find((e) => nearExact(normalized, e.normalized, this.minSimilarity));
    return near ? this.used(near) : null;
  }
  /** The `k` examples sharing most words with the question (for LLM prompts). */
  async similar(normalized, k) {
    return (await this.all()).map((e) => ({ e, s: overlap(normalized, e.normalized) })).filter((x) => x.s > 0).sort((a, b) => b.s - a.s).slice(0, k).map((x) => x.e);
  }
  async save(input) {
    const data = { question: input.question, sql: input.sql, interpretation: input.interpretation, tables: input.tables, origin: input.origin, queryId: input.queryId };
    const row = await this.prisma.nlExample.upsert({ where: { normalized: input.normalized }, create: { ...data, normalized: input.normalized }, update: data });
    this.loaded = null;
    return pick(row);
  }
  /** Forgets the example for a question when it holds exactly this SQL (a memory answer rated wrong). */
  async forget(normalized, sql) {
    const res = await this.prisma.nlExample.deleteMany({ where: { normalized, sql } });
    this.loaded = null;
    return res.count > 0;
  }
  async used(e) {
    await this.prisma.nlExample.update({ where: { id: e.id }, data: { uses: { increment: 1 } } }).catch(() => {
    });
    return pick(e);
  }
  async all() {
    if (this.loaded && Date.now() - this.loaded.at < RELOAD_AFTER_MS) return this.loaded.examples;
    const rows = await this.prisma.nlExample.findMany({ orderBy: { id: "desc" }, take: MAX_LOADED });
    this.loaded = { at: Date.now(), examples: rows.map(pick) };
    return this.loaded.examples;
  }
}
const pick = (r) => ({ id: r.id, question: r.question, normalized: r.normalized, sql: r.sql, interpretation: r.interpretation, tables: r.tables });
export {
  ExampleMemory
};
