import { describe, expect, it } from "vitest";
import { CommittedSpans, readSpanCheckpoint } from "../../src/services/jobs/spans.js";

describe("committed spans (checkpoints of batches that commit out of order)", () => {
  it("reads the sequential form and the span form, dropping spans already below consumed", () => {
    expect(readSpanCheckpoint(null)).toEqual({ consumed: 0, ahead: [] });
    expect(readSpanCheckpoint({ consumed: 500 })).toEqual({ consumed: 500, ahead: [] });
    expect(readSpanCheckpoint({ consumed: 200, ahead: [[500, 600], [100, 200], [300, 400]] })).toEqual({ consumed: 200, ahead: [[300, 400], [500, 600]] });
  });

  it("settles the contiguous prefix as spans arrive in any order, keeping the rest ahead", () => {
    const s = new CommittedSpans({ consumed: 100, ahead: [[300, 400]] });
    expect(s.settled).toBe(100);
    expect(s.ahead).toEqual([[300, 400]]);
    s.add(200, 300);
    expect(s.settled).toBe(100);
    expect(s.ahead).toEqual([[200, 300], [300, 400]]);
    s.add(500, 600);
    s.add(100, 200);
    expect(s.settled).toBe(400);
    expect(s.ahead).toEqual([[500, 600]]);
    s.add(400, 500);
    expect(s.settled).toBe(600);
    expect(s.ahead).toEqual([]);
  });

  it("folds a loaded span that starts where consumed ends", () => {
    const s = new CommittedSpans({ consumed: 100, ahead: [[100, 250], [400, 500]] });
    expect(s.settled).toBe(250);
    expect(s.ahead).toEqual([[400, 500]]);
  });
});
