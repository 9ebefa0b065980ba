import { Writable } from 'node:stream';

export interface LogLine {
  level: number;
  msg?: string;
  [key: string]: unknown;
}

export interface LogSink {
  stream: Writable;
  /** Every JSON line written so far. */
  lines(): LogLine[];
  /** Every raw byte written so far (for secret scans). */
  text(): string;
  clear(): void;
}

/** A pino destination that keeps what was logged, for assertions on log content. */
export function createLogSink(): LogSink {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  return {
    stream,
    lines: () =>
      text
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as LogLine),
    text: () => text,
    clear: () => {
      text = '';
    },
  };
}
