/** Structured JSON logging (pino). Services take a child logger named after themselves. */
import { pino, type Logger } from "pino";

export type { Logger };

export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "kaizen-gateway" }, timestamp: pino.stdTimeFunctions.isoTime });
}
