class NotUnderstood extends Error {
  constructor(reason, suggestions = []) {
    super(reason);
    this.suggestions = suggestions;
  }
  suggestions;
  /** Recognised parts of the question, when known at the point of refusal. */
  understood = null;
}
export {
  NotUnderstood
};
