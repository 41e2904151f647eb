/**
 * Starting the bench's servers and its fleets of display clients, each in its own
 * process, and collecting "every display has push k" from the fleet's processes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forkTs, type BenchChild } from './ipc.ts';

export const tempDataDir = (prefix = 'lc-bench-'): string => mkdtempSync(join(tmpdir(), prefix));
export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

export type Host = BenchChild<{ port: number; pid: number }>;
export const urlOf = (host: Host): string => `http://127.0.0.1:${host.info.port}`;

/** The real app over SQLite in `dataDir` (seed it first). */
export const startAppHost = (dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<Host> =>
  forkTs(new URL('../hosts/app-host.ts', import.meta.url), { env: { BENCH_DATA_DIR: dataDir, ...env }, execArgv: ['--expose-gc'] });

export const startRawWsHost = (): Promise<Host> =>
  forkTs(new URL('../hosts/raw-ws-host.ts', import.meta.url), { execArgv: ['--expose-gc'] });

export const startTransportHost = (): Promise<Host> =>
  forkTs(new URL('../hosts/transport-host.ts', import.meta.url), { execArgv: ['--expose-gc'] });

export interface Receipt { first: number; last: number; sample?: string }

export interface Fleet {
  size: number;
  connect(): Promise<number>;
  /** Resolves when every display of the fleet has its next push: the earliest and latest receipt. */
  next(timeoutMs?: number): Promise<Receipt>;
  since(t: number): Promise<{ connects: number[][]; states: number[][] }>;
  close(): Promise<void>;
  /** CPU profiles of the fleet's processes over a phase (files `<prefix>-<i>.cpuprofile`). */
  profile(action: 'start' | 'stop', prefix?: string): Promise<void>;
}

/** `size` displays of one kind, split over `processes` client processes. */
export async function startFleet(kind: 'sio' | 'ws', url: string, size: number, options: { processes?: number; reconnect?: boolean } = {}): Promise<Fleet> {
  const processes = Math.min(options.processes ?? 2, size);
  const children = await Promise.all(Array.from({ length: processes }, (_, p) => {
    const from = Math.floor((p * size) / processes);
    const to = Math.floor(((p + 1) * size) / processes);
    return forkTs(new URL('../clients/display-client.ts', import.meta.url), {
      env: { BENCH_CLIENT: JSON.stringify({ kind, url, from, to, reconnect: options.reconnect ?? false }) },
    });
  }));
  const reports = new Map<number, Receipt[]>();
  const waiters = new Map<number, (r: Receipt) => void>();
  let k = 0;
  for (const child of children) {
    child.events.on('received', (r: Receipt & { k: number }) => {
      const list = reports.get(r.k) ?? [];
      list.push(r);
      reports.set(r.k, list);
      if (list.length === children.length) {
        reports.delete(r.k);
        waiters.get(r.k)?.({
          first: Math.min(...list.map((x) => x.first)),
          last: Math.max(...list.map((x) => x.last)),
          sample: list.find((x) => x.sample)?.sample,
        });
      }
    });
  }
  return {
    size,
    async connect() {
      const results = await Promise.all(children.map((c) => c.request<{ connected: number; ms: number }>('connect')));
      return Math.max(...results.map((r) => r.ms));
    },
    next(timeoutMs = 20_000) {
      const mine = ++k;
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(mine);
          reject(new Error(`push ${mine} did not reach all ${size} ${kind} displays in ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.set(mine, (r) => {
          clearTimeout(timer);
          waiters.delete(mine);
          resolve(r);
        });
      });
    },
    async since(t) {
      const parts = await Promise.all(children.map((c) => c.request<{ connects: number[][]; states: number[][] }>('since', t)));
      return { connects: parts.flatMap((p) => p.connects), states: parts.flatMap((p) => p.states) };
    },
    async profile(action, prefix) {
      await Promise.all(children.map((c, i) => (action === 'start' ? c.request('profileStart') : c.request('profileStop', `${prefix}-${i}.cpuprofile`))));
    },
    async close() {
      await Promise.all(children.map(async (c) => {
        await c.request('close').catch(() => undefined);
        await c.stop();
      }));
    },
  };
}
