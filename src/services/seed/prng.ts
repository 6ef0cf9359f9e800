/** A seeded random source for the demo data: pure-rand's xoroshiro128+, one independent stream per table. */
import prand from "pure-rand";

export class Rng {
  private readonly gen: prand.RandomGenerator;

  constructor(seed: number) {
    this.gen = prand.xoroshiro128plus(seed);
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return prand.unsafeUniformIntDistribution(min, max, this.gen);
  }

  /** Float in [0, 1) with 30 bits of resolution (plenty for demo data). */
  float(): number {
    return prand.unsafeUniformIntDistribution(0, 0x3fffffff, this.gen) / 0x40000000;
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)]!;
  }

  /** Picks by relative weight: `weighted([["A", 3], ["B", 1]])` is "A" three times in four. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.float() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1]![0];
  }
}
