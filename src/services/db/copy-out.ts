/**
 * Streams `COPY … TO STDOUT` from a pooled PostgreSQL connection as the bytes
 * the server sends, pulling more from the socket only as the consumer asks.
 */
import type pg from "pg";
import { to as copyToStdout } from "pg-copy-streams";

/**
 * Yields the COPY's output in the pieces it arrives in. A consumer that stops early (return/throw on
 * the generator) or a failing COPY leaves the connection mid-protocol, so it is handed back to the
 * pool with an error: the pool drops it, and pg destroys the socket of a client ended with a query
 * still active. The server's next write then fails and its backend ends, instead of waiting forever
 * on a socket nobody reads.
 */
export async function* copyOut(pool: pg.Pool, copySql: string): AsyncGenerator<Buffer> {
  const client = await pool.connect();
  const copy = client.query(copyToStdout(copySql));
  // Ending the client fails its active query once more (after the consumer has gone): not an uncaught error.
  copy.on("error", () => {});
  let complete = false;
  try {
    for await (const piece of copy) yield piece as Buffer;
    complete = true;
  } finally {
    client.release(complete ? undefined : new Error("COPY TO STDOUT not read to its end"));
  }
}
