import { pino } from "pino";
function createLogger(level) {
  return pino({ level, base: { service: "kaizen-gateway" }, timestamp: pino.stdTimeFunctions.isoTime });
}
export {
  createLogger
};
