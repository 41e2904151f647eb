/**
 * Many display connections in one process: Socket.IO poster screens (websocket
 * transport, each with its own device token) or raw `ws` clients for the baseline.
 * Both parse every push as JSON, the work a screen cannot skip. When every connection
 * of this process has its k-th push, the process reports the latest receipt time; the
 * parent takes the latest over all processes.
 */
import { setMaxListeners } from 'node:events';
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { Connection } from '../../../client/state/connection.ts';
import { serveParent, wallNow } from '../lib/ipc.ts';
import { posterToken } from '../lib/seed.ts';

interface Options {
  kind: 'sio' | 'ws';
  url: string;
  /** Poster token indexes [from, to). */
  from: number;
  to: number;
  /** Reconnect as a screen does (the restart fault) instead of not at all. */
  reconnect?: boolean;
}

const opts = JSON.parse(process.env.BENCH_CLIENT ?? '{}') as Options;
const total = opts.to - opts.from;
const IN_FLIGHT = 100;

interface Display {
  close(): void;
  connects: number[];
  states: number[];
}

/** k → how many connections have push k, and when the latest arrived. */
const got = new Map<number, { count: number; first: number; last: number }>();
let sample = '';

function received(k: number, raw: string | null): void {
  const at = wallNow();
  if (raw !== null) sample = raw;
  const g = got.get(k) ?? { count: 0, first: at, last: at };
  g.count++;
  g.last = at;
  got.set(k, g);
  if (g.count === total) {
    parent.emit('received', { k, first: g.first, last: g.last, sample: k === 1 ? sample : undefined });
    got.delete(k);
  }
}

/** A screen that reconnects is the product's own Connection: its backoff, and its answer to a server that hangs up. */
function productSocket(i: number): { socket: Socket; close(): void } {
  // Connection listens for the page's online and visibility events: give it a page to listen to.
  if (!globalThis.window) {
    const page = [new EventTarget(), Object.assign(new EventTarget(), { visibilityState: 'visible' })] as const;
    // Every screen of this process listens to the one stub page.
    setMaxListeners(0, ...page);
    globalThis.window = page[0] as Window & typeof globalThis;
    globalThis.document = page[1] as unknown as Document;
  }
  const connection = new Connection({ url: opts.url, auth: { deviceToken: posterToken(i) } });
  return { socket: connection.socket as unknown as Socket, close: () => connection.close() };
}

/** A screen for the fan-out and memory figures: plain socket.io-client, websocket only, never reconnecting. */
function plainSocket(i: number): { socket: Socket; close(): void } {
  const socket = io(opts.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth: { deviceToken: posterToken(i), appVersion: 'bench' } });
  return { socket, close: () => socket.disconnect() };
}

function openSio(i: number): Promise<Display> {
  const { socket, close } = opts.reconnect ? productSocket(i) : plainSocket(i);
  const d: Display = { close, connects: [], states: [] };
  let pushes = 0;
  socket.on('connect', () => d.connects.push(wallNow()));
  socket.on('display:class', (update: unknown) => {
    const k = ++pushes;
    received(k, k === 1 && !sample ? JSON.stringify(['display:class', update]) : null);
  });
  return new Promise((resolve, reject) => {
    socket.on('display:state', () => {
      d.states.push(wallNow());
      if (d.states.length === 1) resolve(d);
    });
    socket.once('connect_error', (err) => !opts.reconnect && reject(err));
  });
}

function openWs(): Promise<Display> {
  const ws = new WebSocket(opts.url.replace(/^http/, 'ws'), { perMessageDeflate: false });
  const d: Display = { close: () => ws.close(), connects: [], states: [] };
  let pushes = 0;
  ws.on('message', (data) => {
    const text = String(data);
    JSON.parse(text);
    const k = ++pushes;
    received(k, k === 1 && !sample ? text : null);
  });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      d.connects.push(wallNow());
      resolve(d);
    });
    ws.once('error', reject);
  });
}

const displays: Display[] = [];

async function connectAll(): Promise<{ connected: number; ms: number }> {
  const t0 = wallNow();
  let next = opts.from;
  const worker = async () => {
    while (next < opts.to) {
      const i = next++;
      displays.push(await (opts.kind === 'sio' ? openSio(i) : openWs()));
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, total) }, worker));
  return { connected: displays.length, ms: wallNow() - t0 };
}

const parent = serveParent({
  connect: () => connectAll(),
  close: () => {
    for (const d of displays) d.close();
    displays.length = 0;
  },
  /** Connect and resync times of every connection after `since` (the restart fault). */
  since: (since: number) => ({
    connects: displays.map((d) => d.connects.filter((t) => t >= since)),
    states: displays.map((d) => d.states.filter((t) => t >= since)),
  }),
}, { pid: process.pid });
