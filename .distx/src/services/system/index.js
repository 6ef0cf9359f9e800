import { setTimeout as sleep } from "node:timers/promises";
const startedAt = Date.now();
const uptimeSeconds = () => Math.floor((Date.now() - startedAt) / 1e3);
async function* heartbeat(intervalMs, count) {
  for (let seq = 1; count === null || seq <= count; seq++) {
    if (seq > 1) await sleep(intervalMs);
    yield { seq, at: /* @__PURE__ */ new Date(), uptimeSeconds: uptimeSeconds() };
  }
}
export {
  heartbeat,
  uptimeSeconds
};
