/** Facts about this gateway process and a heartbeat stream for liveness checks over websockets. */
import { setTimeout as sleep } from "node:timers/promises";

const startedAt = Date.now();
export const uptimeSeconds = (): number => Math.floor((Date.now() - startedAt) / 1000);

export interface Beat {
  seq: number;
  at: Date;
  uptimeSeconds: number;
}

/** Beats every `intervalMs` until the consumer stops iterating or `count` beats were sent. */
export async function* heartbeat(intervalMs: number, count: number | null): AsyncGenerator<Beat> {
  for (let seq = 1; count === null || seq <= count; seq++) {
    if (seq > 1) await sleep(intervalMs);
    yield { seq, at: new Date(), uptimeSeconds: uptimeSeconds() };
  }
}
