import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTestApp } from '../../helpers/start-test-app.js';

/** Niceness of one thread of this process (field 19 of /proc/self/task/<tid>/stat). */
function niceOf(tid: string | number): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
  // The command name may hold spaces: fields are counted after its closing parenthesis.
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
}

const threadNices = () => readdirSync('/proc/self/task').map(niceOf);

describe.runIf(process.platform === 'linux')('ENGINE_NICE', () => {
  it('lowers only the engine thread', async () => {
    const before = threadNices().filter((n) => n === 7).length;
    const app = await startTestApp({ engineNice: 7 });
    try {
      expect(threadNices().filter((n) => n === 7).length).toBe(before + 1);
      expect(niceOf(process.pid)).toBe(0);
    } finally {
      await app.stop();
    }
  });
});
