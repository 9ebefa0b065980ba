import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

describe.runIf(process.platform === 'linux')('lowerThreadPriority', () => {
  it('renices only the calling thread', async () => {
    const url = new URL('./lower-thread-priority.js', import.meta.url).href;
    const worker = new Worker(
      `import(${JSON.stringify(url)}).then(({ lowerThreadPriority }) => {
        const { readlinkSync } = require('node:fs');
        const { getPriority } = require('node:os');
        const { parentPort } = require('node:worker_threads');
        const done = lowerThreadPriority(7);
        const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
        parentPort.postMessage({ done, nice: getPriority(tid) });
      });`,
      { eval: true },
    );
    const result = await new Promise<{ done: boolean; nice: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(result).toEqual({ done: true, nice: 7 });
    expect(getPriority()).toBe(0);
  });
});
