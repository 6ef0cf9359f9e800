/**
 * The /graphql HTTP handler: hands requests to Apollo Server's
 * executeHTTPGraphQLRequest, the entry point its integrations are built on.
 *
 * Why not @as-integrations/express5 behind express.json(): on the hot path
 * (a small JSON POST) body-parser's charset decoding and type checks and
 * express's res.send (which hashes every body for an ETag nobody revalidates
 * against a POST) cost about a tenth of the gateway's CPU per request. Here a
 * plain JSON body is read as a Buffer and parsed once, and the answer is
 * written with one res.end. Bodies with a Content-Encoding (gzip, deflate) are
 * rare; they still go through express.json, which inflates them.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import express from "express";
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from "@apollo/server";

export class HttpBodyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface GraphqlHandlerOptions<TContext extends BaseContext> {
  bodyLimitBytes: number;
  context: (req: IncomingMessage, res: ServerResponse) => Promise<TContext>;
}

/** A request as the handler reads it: node's own, or express's after express.json() inflated an encoded body. */
type GraphqlRequest = IncomingMessage & { body?: unknown };

export interface GraphqlHttpHandler {
  /** For express, mounted at /graphql: every method, encoded bodies included. */
  middleware: RequestHandler[];
  /** Serves a request on node's own req/res; `fail` gets a body error (HttpBodyError) or an unexpected one. */
  serve(req: IncomingMessage, res: ServerResponse, fail: (err: unknown) => void): void;
}

/**
 * A POST to /graphql with a body that needs no inflating: nearly every
 * GraphQL request, and what `serve` can take without express.
 */
export function isPlainGraphqlPost(req: IncomingMessage): boolean {
  if (req.method !== "POST") return false;
  const url = req.url ?? "";
  return (url === "/graphql" || url.startsWith("/graphql?")) && !isEncoded(req);
}

/** A body sent gzip- or deflate-compressed: express.json() inflates it. */
function isEncoded(req: IncomingMessage): boolean {
  const encoding = req.headers["content-encoding"];
  return Boolean(encoding) && encoding !== "identity";
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function tooLarge(limit: number): HttpBodyError {
  return new HttpBodyError(413, "PAYLOAD_TOO_LARGE", `Request body is larger than the limit of ${limit} bytes (BODY_LIMIT_BYTES).`);
}

/** Reads a whole request body up to `limit` bytes; a larger one is refused as soon as it is known to be larger. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (declared > limit) {
    req.resume();
    return Promise.reject(tooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
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
    req.once("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    // A client that hangs up mid-body is not the gateway's fault: a 400 nobody reads, not a logged 500.
    req.once("error", () => reject(new HttpBodyError(400, "BAD_REQUEST", "The request was aborted before its body was complete.")));
  });
}

/** JSON as body-parser's strict mode takes it: an object or an array, anything else is a 400. */
function parseJson(raw: Buffer): unknown {
  const text = raw.toString("utf8");
  const first = /\S/.exec(text)?.[0];
  if (first !== "{" && first !== "[") throw new HttpBodyError(400, "BAD_REQUEST", `Request body is not valid JSON: expected an object or an array, got ${first === undefined ? "an empty body" : JSON.stringify(first)}.`);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HttpBodyError(400, "BAD_REQUEST", `Request body is not valid JSON: ${(err as Error).message}`);
  }
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const key in req.headers) {
    const value = req.headers[key];
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
  }
  return headers;
}

async function bodyOf(req: GraphqlRequest, limit: number): Promise<unknown> {
  if (req.method !== "POST") return undefined;
  // express.json() ran for an encoded body (see below); its result is final.
  if ("body" in req && req.body !== undefined) return req.body;
  const raw = await readBody(req, limit);
  if (!JSON_TYPE.test(req.headers["content-type"] ?? "")) return raw.length ? raw.toString("utf8") : undefined;
  return parseJson(raw);
}

export function graphqlHandler<TContext extends BaseContext>(apollo: ApolloServer<TContext>, opts: GraphqlHandlerOptions<TContext>): GraphqlHttpHandler {
  const encoded = express.json({ limit: opts.bodyLimitBytes });
  const inflateEncoded: RequestHandler = (req, res, next) => (isEncoded(req) ? encoded(req, res, next) : next());
  const execute = async (req: GraphqlRequest, res: ServerResponse, fail: (err: unknown) => void) => {
    let request: HTTPGraphQLRequest;
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
  const serve = (req: GraphqlRequest, res: ServerResponse, fail: (err: unknown) => void) => void execute(req, res, fail).catch(fail);
  return { middleware: [inflateEncoded, (req, res, next) => serve(req, res, next)], serve };
}
