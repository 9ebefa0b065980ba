import type { BodySample } from '../core/exchange.js';

/**
 * Keeps a bounded prefix of a streamed body without copying chunks until the end, so the
 * hot path only pays for a length check and an array push per chunk.
 */
export class BodyTap {
  private chunks: Buffer[] = [];
  private kept = 0;
  size = 0;

  constructor(private readonly cap: number) {}

  readonly onData = (chunk: Buffer): void => {
    this.size += chunk.length;
    if (this.kept < this.cap) {
      const room = this.cap - this.kept;
      const part = chunk.length <= room ? chunk : chunk.subarray(0, room);
      this.chunks.push(part);
      this.kept += part.length;
    }
  };

  /** Copies the kept prefix into one fresh buffer (transferable to the engine worker). */
  sample(contentType: string, encoding: string): BodySample {
    const bytes = new Uint8Array(this.kept);
    let offset = 0;
    for (const chunk of this.chunks) {
      bytes.set(chunk, offset);
      offset += chunk.length;
    }
    this.chunks = [];
    return { contentType, encoding, bytes, size: this.size, truncated: this.size > this.kept };
  }
}
