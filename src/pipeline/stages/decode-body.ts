import { brotliDecompressSync, gunzipSync, inflateSync, inflateRawSync } from 'node:zlib';
import type { BodySample } from '../../core/exchange.js';

/** Most stacked codings we undo; more is either a mistake or an attack. */
const MAX_CODINGS = 2;

export interface DecodedBody {
  /** Parsed JSON when the body is JSON and complete; undefined otherwise. */
  json?: unknown;
  isJson: boolean;
  /** A short text preview of a non-JSON textual body. */
  text?: string;
  /** Why the body was not learned from, when it was not. */
  skipped?: string;
}

const TEXTUAL = /^(text\/|application\/(xml|x-www-form-urlencoded|javascript))|\+xml$/;

function isJsonType(contentType: string): boolean {
  return (
    contentType === 'application/json' ||
    contentType.endsWith('+json') ||
    contentType === 'text/json'
  );
}

function decode(bytes: Uint8Array, encoding: string, maxBytes: number): Buffer | string {
  const codings = encoding
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c && c !== 'identity');
  if (codings.length > MAX_CODINGS) return `too many content codings (${codings.length})`;
  let data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Codings are listed in the order they were applied, so undo them in reverse.
  for (const coding of codings.reverse()) {
    const opts = { maxOutputLength: maxBytes };
    try {
      if (coding === 'gzip' || coding === 'x-gzip') data = gunzipSync(data, opts);
      else if (coding === 'br') data = brotliDecompressSync(data, opts);
      else if (coding === 'deflate') {
        try {
          data = inflateSync(data, opts);
        } catch {
          data = inflateRawSync(data, opts);
        }
      } else return `unsupported content coding "${coding}"`;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ERR_BUFFER_TOO_LARGE'
        ? 'decoded body exceeds the capture cap'
        : `cannot decode ${coding}`;
    }
  }
  return data;
}

/**
 * Turns a captured body sample into something the learner can use: decoded (bounded by the
 * capture cap, so a decompression bomb stops early) and parsed. Truncated bodies are never
 * parsed: a prefix of a JSON document is not the document.
 */
export function decodeBody(sample: BodySample | undefined, maxBytes: number): DecodedBody {
  if (!sample || sample.size === 0) return { isJson: false };
  const json = isJsonType(sample.contentType);
  if (sample.truncated) return { isJson: json, skipped: 'body larger than the capture cap' };
  const data = decode(sample.bytes, sample.encoding, maxBytes);
  if (typeof data === 'string') return { isJson: json, skipped: data };
  if (json) {
    try {
      return { isJson: true, json: JSON.parse(data.toString('utf8')) as unknown };
    } catch {
      return { isJson: true, skipped: 'invalid JSON' };
    }
  }
  if (TEXTUAL.test(sample.contentType))
    return { isJson: false, text: data.toString('utf8', 0, 512) };
  return { isJson: false };
}
