import { isConnectionError, TimeoutError } from "../errors.js";
const transientSqlStates = /* @__PURE__ */ new Set(["40001", "40P01", "57014", "55P03", "53300"]);
function isTransient(err) {
  if (err instanceof TimeoutError) return true;
  if (isConnectionError(err)) return true;
  const code = err?.code;
  return typeof code === "string" && transientSqlStates.has(code);
}
function backoffMs(attempt, baseMs, random = Math.random) {
  const exp = baseMs * 2 ** (attempt - 1);
  return Math.round(exp * (0.5 + random()));
}
async function withTimeout(fn, timeoutMs, what) {
  let timer;
  try {
    return await Promise.race([
      fn(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(what, timeoutMs)), timeoutMs);
      })
    ]);
  } finally {
    clearTimeout(timer);
  }
}
async function withRetries(fn, opts) {
  for (let attempt = 0; ; attempt++) {
    try {
      const value = opts.timeoutMs === null ? await fn(attempt) : await withTimeout(() => fn(attempt), opts.timeoutMs, opts.what);
      return { value, retried: attempt };
    } catch (err) {
      if (attempt >= opts.maxRetries || !isTransient(err)) {
        err.retried = attempt;
        throw err;
      }
      const delay = backoffMs(attempt + 1, opts.baseMs);
      opts.onRetry?.(attempt + 1, err, delay);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
async function* batched(items, size) {
  let buf = [];
  for await (const item of items) {
    buf.push(item);
    if (buf.length >= size) {
      yield buf;
      buf = [];
    }
  }
  if (buf.length) yield buf;
}
function describeError(err) {
  if (err instanceof Error) {
    const code = err.code;
    const detail = err.detail;
    const msg = err.message.split("\n")[0];
    return [typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? `${msg} (SQLSTATE ${code})` : msg, typeof detail === "string" ? detail : null].filter(Boolean).join(": ");
  }
  return String(err);
}
export {
  backoffMs,
  batched,
  describeError,
  isTransient,
  withRetries,
  withTimeout
};
