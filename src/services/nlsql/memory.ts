/**
 * Verified question → SQL examples (table nl_examples): exact or near-exact
 * matches answer without translation; the most similar ones guide the LLM.
 */
import type { PrismaClient } from "../../generated/prisma/client.js";
import { nearExact, overlap } from "./normalize.js";

export interface Example {
  id: number;
  question: string;
  normalized: string;
  sql: string;
  interpretation: string | null;
  tables: string[];
}

/** How long the in-process copy used for fuzzy matching may be stale (other gateway instances add examples). */
const RELOAD_AFTER_MS = 30_000;
const MAX_LOADED = 5_000;

export class ExampleMemory {
  private loaded: { at: number; examples: Example[] } | null = null;

  constructor(private readonly prisma: PrismaClient, private readonly minSimilarity: number) {}

  /** An exact or near-exact match for a normalized question, or null. */
  async match(normalized: string): Promise<Example | null> {
    const exact = await this.prisma.nlExample.findUnique({ where: { normalized } });
    if (exact) return this.used(exact);
    const near = (await this.all()).find((e) => nearExact(normalized, e.normalized, this.minSimilarity));
    return near ? this.used(near) : null;
  }

  /** The `k` examples sharing most words with the question (for LLM prompts). */
  async similar(normalized: string, k: number): Promise<Example[]> {
    return (await this.all())
      .map((e) => ({ e, s: overlap(normalized, e.normalized) }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s)
      .slice(0, k)
      .map((x) => x.e);
  }

  async save(input: Omit<Example, "id"> & { origin: "RATED_CORRECT" | "CORRECTED"; queryId: string }): Promise<Example> {
    const data = { question: input.question, sql: input.sql, interpretation: input.interpretation, tables: input.tables, origin: input.origin, queryId: input.queryId };
    const row = await this.prisma.nlExample.upsert({ where: { normalized: input.normalized }, create: { ...data, normalized: input.normalized }, update: data });
    this.loaded = null;
    return pick(row);
  }

  /** Forgets the example for a question when it holds exactly this SQL (a memory answer rated wrong). */
  async forget(normalized: string, sql: string): Promise<boolean> {
    const res = await this.prisma.nlExample.deleteMany({ where: { normalized, sql } });
    this.loaded = null;
    return res.count > 0;
  }

  private async used(e: Example): Promise<Example> {
    await this.prisma.nlExample.update({ where: { id: e.id }, data: { uses: { increment: 1 } } }).catch(() => {});
    return pick(e);
  }

  private async all(): Promise<Example[]> {
    if (this.loaded && Date.now() - this.loaded.at < RELOAD_AFTER_MS) return this.loaded.examples;
    const rows = await this.prisma.nlExample.findMany({ orderBy: { id: "desc" }, take: MAX_LOADED });
    this.loaded = { at: Date.now(), examples: rows.map(pick) };
    return this.loaded.examples;
  }
}

const pick = (r: Example): Example => ({ id: r.id, question: r.question, normalized: r.normalized, sql: r.sql, interpretation: r.interpretation, tables: r.tables });
