class RequestContext {
  constructor(services, loaders, auth, requestId, baseLog) {
    this.services = services;
    this.loaders = loaders;
    this.auth = auth;
    this.requestId = requestId;
    this.baseLog = baseLog;
  }
  services;
  loaders;
  auth;
  requestId;
  baseLog;
  requestLog;
  /**
   * The request's child logger, made on first use: most requests log nothing at
   * the default level. A getter on the prototype, not on the object: Apollo
   * copies the context per request with Object.assign, which would call an own
   * getter and make the logger every time.
   */
  get log() {
    return this.requestLog ??= this.baseLog.child({ requestId: this.requestId });
  }
}
export {
  RequestContext
};
