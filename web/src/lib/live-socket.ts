import type { LiveMessage } from '../../../src/contract/live-messages.js';
import { api } from './api.js';

export type LiveStatus = 'connecting' | 'online' | 'offline';

/**
 * The live stream with automatic reconnection: each attempt first asks for a short-lived,
 * single-use ticket (a long-lived credential never goes into a URL), then opens the socket.
 */
export function connectLive(
  onMessage: (message: LiveMessage) => void,
  onStatus: (status: LiveStatus) => void,
): () => void {
  let socket: WebSocket | undefined;
  let stopped = false;
  let delay = 500;
  let timer: number | undefined;

  const open = async () => {
    onStatus('connecting');
    try {
      const { ticket } = await api<{ ticket: string }>('/admin/ws-ticket', {
        method: 'POST',
        body: {},
      });
      const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
      socket = new WebSocket(
        `${scheme}://${location.host}/admin/ws?ticket=${encodeURIComponent(ticket)}`,
      );
      socket.onopen = () => {
        delay = 500;
        onStatus('online');
      };
      socket.onmessage = (event) => onMessage(JSON.parse(String(event.data)) as LiveMessage);
      socket.onclose = () => retry();
    } catch {
      retry();
    }
  };
  const retry = () => {
    onStatus('offline');
    if (stopped) return;
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void open(), delay);
    delay = Math.min(delay * 2, 10_000);
  };
  void open();
  return () => {
    stopped = true;
    window.clearTimeout(timer);
    socket?.close();
  };
}
