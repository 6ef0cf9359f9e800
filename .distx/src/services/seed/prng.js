import prand from "pure-rand";
class Rng {
  gen;
  constructor(seed) {
    this.gen = prand.xoroshiro128plus(seed);
  }
  /** Integer in [min, max], both inclusive. */
  int(min, max) {
    return prand.unsafeUniformIntDistribution(min, max, this.gen);
  }
  /** Float in [0, 1) with 30 bits of resolution (plenty for demo data). */
  float() {
    return prand.unsafeUniformIntDistribution(0, 1073741823, this.gen) / 1073741824;
  }
  chance(p) {
    return this.float() < p;
  }
  pick(items) {
    return items[this.int(0, items.length - 1)];
  }
  /** Picks by relative weight: `weighted([["A", 3], ["B", 1]])` is "A" three times in four. */
  weighted(items) {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.float() * total;
    for (const [v, w] of items) {
      r -= w;
      if (r < 0) return v;
    }
    return items[items.length - 1][0];
  }
}
export {
  Rng
};
