import { Agent } from 'node:http';
import { sendRequest, type SendOptions, type SentResponse } from '../../helpers/send-request.js';

/**
 * Sends `count` requests to the proxy with at most `concurrency` in flight, over keep-alive
 * connections (a fresh TCP handshake per request would add its own jitter to the latency
 * the health detectors see). `options(i)` shapes request i; answers come back in order.
 */
export async function sendConcurrently(
  port: number,
  count: number,
  concurrency: number,
  options: (index: number) => SendOptions,
): Promise<SentResponse[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const responses: SentResponse[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      responses[index] = await sendRequest(port, { ...options(index), agent });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  } finally {
    agent.destroy();
  }
  return responses;
}
