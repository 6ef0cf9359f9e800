/**
 * A lean HTTP client for load: node:http over a keep-alive agent (one socket
 * per concurrent caller), so client overhead stays well under the server's.
 */
import http from "node:http";

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export class HttpDriver {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(baseUrl: string, maxSockets = 64) {
    this.url = new URL(baseUrl);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<HttpResponse> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        { host: this.url.hostname, port: this.url.port, path, method, agent: this.agent, headers: body ? { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers } : headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      if (body) req.write(body);
      req.end();
    });
  }

  /** POSTs a GraphQL operation; throws on HTTP errors or GraphQL errors so load loops count them. */
  async graphql<T = unknown>(path: string, query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ data: T; headers: http.IncomingHttpHeaders; extensions?: Record<string, unknown> }> {
    const res = await this.request("POST", path, JSON.stringify({ query, variables }), headers);
    const parsed = JSON.parse(res.body) as { data?: T; errors?: Array<{ message: string }>; extensions?: Record<string, unknown> };
    if (res.status !== 200 || parsed.errors?.length || !parsed.data) {
      throw new Error(`HTTP ${res.status}: ${parsed.errors?.map((e) => e.message).join("; ") ?? res.body.slice(0, 200)}`);
    }
    return { data: parsed.data, headers: res.headers, extensions: parsed.extensions };
  }

  /** GETs a streamed response, counting newline-terminated records as they arrive (never buffering the body). */
  streamLines(path: string, onChunk?: () => void): Promise<{ status: number; lines: number; bytes: number }> {
    return new Promise((resolve, reject) => {
      const req = http.get({ host: this.url.hostname, port: this.url.port, path, agent: this.agent }, (res) => {
        let lines = 0;
        let bytes = 0;
        res.on("data", (c: Buffer) => {
          bytes += c.length;
          for (let i = c.indexOf(10); i !== -1; i = c.indexOf(10, i + 1)) lines++;
          onChunk?.();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, lines, bytes }));
        res.on("error", reject);
      });
      req.on("error", reject);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
