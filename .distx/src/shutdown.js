function stopOnSignals(log, opts, stop) {
  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${opts.what} shutting down: finishing in-flight work`);
    const force = setTimeout(() => {
      log.error(`${opts.what}: stopping took longer than ${opts.timeoutMs / 1e3} s; exiting anyway`);
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
export {
  stopOnSignals
};
