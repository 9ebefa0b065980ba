import type { TypePlan } from './plan-types.js';

/**
 * Makes learned text (templates come from traffic) safe inside any comment: everything
 * outside printable ASCII becomes `\uXXXX`, so no line terminator (`\n`, U+2028…) can end a
 * `//` or `#` comment early, and a `*` before `/` is escaped, so none can close a block comment.
 */
export function toCommentText(text: string): string {
  let safe = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    safe +=
      code >= 0x20 && code <= 0x7e ? text.charAt(i) : `\\u${code.toString(16).padStart(4, '0')}`;
  }
  return safe.replaceAll('*/', '*\\/');
}

/**
 * The header lines every export starts with: what it was learned from (endpoint and
 * sample counts). No clock is read, so unchanged models export byte for byte the same;
 * `generatedAt` adds a line only when the caller asks for it.
 */
export function describeExport(plan: TypePlan, generatedAt?: string): string[] {
  const endpoints = plan.endpoints.length;
  const lines = [
    'API types learned from live traffic by Adaptive Mock.',
    `Learned from ${endpoints} endpoint${endpoints === 1 ? '' : 's'} and ${plan.sampleCount} sample${plan.sampleCount === 1 ? '' : 's'}.`,
  ];
  if (generatedAt !== undefined) lines.push(`Generated at ${generatedAt}.`);
  return lines.map(toCommentText);
}
