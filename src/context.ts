/** What every resolver receives. Built fresh for each request (and each websocket operation). */
import type { Logger } from "./services/log.js";
import type { Services } from "./app.js";

export interface Auth {
  /** Identifies what the caller may see; part of every cache key. */
  scope: string;
}

export interface GatewayContext {
  services: Services;
  auth: Auth;
  requestId: string;
  log: Logger;
}

export class RequestContext implements GatewayContext {
  private requestLog: Logger | undefined;

  constructor(
    readonly services: Services,
    readonly auth: Auth,
    readonly requestId: string,
    private readonly baseLog: Logger,
  ) {}

  /**
   * The request's child logger, made on first use: most requests log nothing at
   * the default level. A getter on the prototype, not on the object: Apollo
   * copies the context per request with Object.assign, which would call an own
   * getter and make the logger every time.
   */
  get log(): Logger {
    return (this.requestLog ??= this.baseLog.child({ requestId: this.requestId }));
  }
}
