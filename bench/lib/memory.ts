/** Samples a process's resident set size (Linux /proc) to find its peak during a run. */
import fs from "node:fs";

export function rssBytes(pid: number = process.pid): number {
  if (pid === process.pid) return process.memoryUsage.rss();
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const m = /VmRSS:\s+(\d+) kB/.exec(status);
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  readonly before: number;
  peak: number;

  constructor(
    private readonly pid: number = process.pid,
    private readonly everyMs = 10,
  ) {
    this.before = rssBytes(pid);
    this.peak = this.before;
  }

  start(): this {
    this.timer = setInterval(() => this.sample(), this.everyMs);
    return this;
  }

  sample(): void {
    const v = rssBytes(this.pid);
    if (v > this.peak) this.peak = v;
  }

  /** Stops sampling; returns peak RSS and its growth over the start, in MiB. */
  stop(): { peakMiB: number; growthMiB: number; beforeMiB: number } {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const mib = (b: number) => b / 1024 / 1024;
    return { peakMiB: mib(this.peak), growthMiB: mib(this.peak - this.before), beforeMiB: mib(this.before) };
  }
}
