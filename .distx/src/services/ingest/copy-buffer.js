const INITIAL_BYTES = 256 * 1024;
class CopyBuffer {
  buf;
  /** Bytes written. */
  length = 0;
  constructor(bytes = INITIAL_BYTES) {
    this.buf = Buffer.allocUnsafeSlow(bytes);
  }
  /** Appends a line (from copyTextLine) and its line break. */
  appendLine(line) {
    const need = this.length + line.length * 3 + 1;
    if (need > this.buf.length) this.grow(need);
    this.length += this.buf.write(line, this.length, "utf8");
    this.buf[this.length++] = 10;
  }
  /** The text written so far (a view: valid until the buffer is reset). */
  get data() {
    return this.buf.subarray(0, this.length);
  }
  reset() {
    this.length = 0;
  }
  grow(need) {
    const next = Buffer.allocUnsafeSlow(Math.max(need, this.buf.length * 2));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
}
class CopyBufferPool {
  constructor(keep) {
    this.keep = keep;
  }
  keep;
  free = [];
  acquire() {
    const b = this.free.pop() ?? new CopyBuffer();
    b.reset();
    return b;
  }
  release(b) {
    if (this.free.length < this.keep) this.free.push(b);
  }
}
export {
  CopyBuffer,
  CopyBufferPool
};
