import express from "express";
import { HeaderMap } from "@apollo/server";
class HttpBodyError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
  status;
  code;
}
function isPlainGraphqlPost(req) {
  if (req.method !== "POST") return false;
  const url = req.url ?? "";
  if (url !== "/graphql" && !url.startsWith("/graphql?")) return false;
  const encoding = req.headers["content-encoding"];
  return !encoding || encoding === "identity";
}
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;
function tooLarge(limit) {
  return new HttpBodyError(413, "PAYLOAD_TOO_LARGE", `Request body is larger than the limit of ${limit} bytes (BODY_LIMIT_BYTES).`);
}
function readBody(req, limit) {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        req.resume();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)));
    req.once("error", () => reject(new HttpBodyError(400, "BAD_REQUEST", "The request was aborted before its body was complete.")));
  });
}
function parseJson(raw) {
  const text = raw.toString("utf8");
  const first = /\S/.exec(text)?.[0];
  if (first !== "{" && first !== "[") throw new HttpBodyError(400, "BAD_REQUEST", `Request body is not valid JSON: expected an object or an array, got ${first === void 0 ? "an empty body" : JSON.stringify(first)}.`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HttpBodyError(400, "BAD_REQUEST", `Request body is not valid JSON: ${err.message}`);
  }
}
function headerMapOf(req) {
  const headers = new HeaderMap();
  for (const key in req.headers) {
    const value = req.headers[key];
    if (value !== void 0) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}
async function bodyOf(req, limit) {
  if (req.method !== "POST") return void 0;
  if ("body" in req && req.body !== void 0) return req.body;
  const raw = await readBody(req, limit);
  if (!JSON_TYPE.test(req.headers["content-type"] ?? "")) return raw.length ? raw.toString("utf8") : void 0;
  return parseJson(raw);
}
function graphqlHandler(apollo, opts) {
  const encoded = express.json({ limit: opts.bodyLimitBytes });
  const inflateEncoded = (req, res, next) => {
    const encoding = req.headers["content-encoding"];
    if (encoding && encoding !== "identity") encoded(req, res, next);
    else next();
  };
  const execute = async (req, res, fail) => {
    let request;
    try {
      const url = req.url ?? "";
      const q = url.indexOf("?");
      request = { method: (req.method ?? "GET").toUpperCase(), headers: headerMapOf(req), search: q === -1 ? "" : url.slice(q), body: await bodyOf(req, opts.bodyLimitBytes) };
    } catch (err) {
      fail(err);
      return;
    }
    const answer = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => opts.context(req, res) });
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    if (answer.body.kind === "complete") {
      res.setHeader("content-length", Buffer.byteLength(answer.body.string));
      res.end(answer.body.string);
      return;
    }
    for await (const chunk of answer.body.asyncIterator) res.write(chunk);
    res.end();
  };
  const serve = (req, res, fail) => void execute(req, res, fail).catch(fail);
  return { middleware: [inflateEncoded, (req, res, next) => serve(req, res, next)], serve };
}
export {
  HttpBodyError,
  graphqlHandler,
  isPlainGraphqlPost
};
