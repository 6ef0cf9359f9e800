/**
 * COPY text of a batch, encoded to UTF-8 into a byte buffer that is reused
 * batch after batch.
 *
 * Why not strings: a batch waits for its write, and with several writers it
 * lives long enough (hundreds of milliseconds) for V8 to promote whatever it
 * holds to the old generation, where garbage stays until the next full
 * collection — a million-row ingestion grew the gateway's heap by ~80 MB that
 * way. Encoded into buffers taken from a small pool and given back once the
 * batch's transaction has ended, the text of every batch lands in the same
 * few allocations; the per-row line strings die young.
 */

const INITIAL_BYTES = 256 * 1024;

export class CopyBuffer {
  private buf: Buffer;
  /** Bytes written. */
  length = 0;

  constructor(bytes = INITIAL_BYTES) {
    this.buf = Buffer.allocUnsafeSlow(bytes);
  }

  /** Appends a line (from copyTextLine) and its line break. */
  appendLine(line: string): void {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8 (a surrogate pair takes 4 for 2 units).
    const need = this.length + line.length * 3 + 1;
    if (need > this.buf.length) this.grow(need);
    this.length += this.buf.write(line, this.length, "utf8");
    this.buf[this.length++] = 0x0a;
  }

  /** The text written so far (a view: valid until the buffer is reset). */
  get data(): Buffer {
    return this.buf.subarray(0, this.length);
  }

  reset(): void {
    this.length = 0;
  }

  private grow(need: number): void {
    const next = Buffer.allocUnsafeSlow(Math.max(need, this.buf.length * 2));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
}

/**
 * The buffers of one job run. A buffer goes back only when nothing can still
 * read it: after its batch's transaction ended (COMMIT or ROLLBACK answered,
 * so every byte written to the connection before them was sent).
 */
export class CopyBufferPool {
  private readonly free: CopyBuffer[] = [];

  constructor(private readonly keep: number) {}

  acquire(): CopyBuffer {
    const b = this.free.pop() ?? new CopyBuffer();
    b.reset();
    return b;
  }

  release(b: CopyBuffer): void {
    if (this.free.length < this.keep) this.free.push(b);
  }
}
