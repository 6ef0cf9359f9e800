/**
 * Graceful stop for entry points: on SIGTERM or SIGINT run `stop` once, exit 0
 * when it finishes, or exit 1 if it takes longer than `timeoutMs`.
 */
import type { Logger } from "./services/log.js";

export function stopOnSignals(log: Logger, opts: { what: string; timeoutMs: number }, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${opts.what} shutting down: finishing in-flight work`);
    const force = setTimeout(() => {
      log.error(`${opts.what}: stopping took longer than ${opts.timeoutMs / 1000} s; exiting anyway`);
      process.exit(1);
    }, opts.timeoutMs);
    force.unref();
    await stop();
    log.info(`${opts.what} shutdown complete`);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
