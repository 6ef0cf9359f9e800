/** What every resolver receives. Built fresh for each request (and each websocket operation). */
import type { Logger } from "./services/log.js";
import type { Services } from "./app.js";
import type { Loaders } from "./services/loaders/index.js";

export interface Auth {
  /** Identifies what the caller may see; part of every cache key. */
  scope: string;
}

export interface GatewayContext {
  services: Services;
  loaders: Loaders;
  auth: Auth;
  requestId: string;
  log: Logger;
}
