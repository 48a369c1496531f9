/** OUTPUT_LINE_CAP is how many lines one command may print to the terminal before the rest is dropped. */
export const OUTPUT_LINE_CAP = 5000;

/** OUTPUT_BYTE_CAP bounds one command's output even when it prints few, very long lines. */
export const OUTPUT_BYTE_CAP = 1_000_000;

/** Chunk is a run of terminal text from one stream. */
export interface Chunk { stream: 'stdout' | 'stderr'; data: string }

/**
 * OutputBuffer collects one command's output between flushes, merging runs of the same stream,
 * and stops keeping text past OUTPUT_LINE_CAP lines so a runaway command cannot flood the page.
 */
export class OutputBuffer {
  private chunks: Chunk[] = [];
  private lines = 0;
  private dropped = 0;
  private bytes = 0;

  /** push adds text from a stream (dropping it, counted, once the cap is reached). */
  push(stream: Chunk['stream'], data: string): void {
    if (!data) return;
    if (this.lines >= OUTPUT_LINE_CAP || this.bytes >= OUTPUT_BYTE_CAP) { this.dropped += Math.max(1, countLines(data)); return; }
    if (this.bytes + data.length > OUTPUT_BYTE_CAP) data = data.slice(0, OUTPUT_BYTE_CAP - this.bytes) + '\n';
    this.bytes += data.length;
    const room = OUTPUT_LINE_CAP - this.lines;
    let n = countLines(data);
    if (n > room) {
      let cut = 0;
      for (let i = 0; i < room; i++) cut = data.indexOf('\n', cut) + 1;
      this.dropped += n - room;
      data = data.slice(0, cut);
      n = room;
    }
    this.lines += n;
    const last = this.chunks[this.chunks.length - 1];
    if (last && last.stream === stream) last.data += data;
    else this.chunks.push({ stream, data });
  }

  /** take returns and forgets the buffered chunks. */
  take(): Chunk[] { return this.chunks.splice(0); }

  /** finish returns the truncation notice for the command that just ended (if any) and resets the counters. */
  finish(): string | undefined {
    const dropped = this.dropped;
    this.lines = 0;
    this.dropped = 0;
    this.bytes = 0;
    return dropped ? `hint: output capped at ${OUTPUT_LINE_CAP.toLocaleString('en-US')} lines or 1 MB; ${dropped.toLocaleString('en-US')} more not shown (try | tail or | grep)\n` : undefined;
  }
}

function countLines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
