/**
 * Bench processes talk over Node's IPC channel: the parent sends requests, a child
 * answers each one and may also send events (e.g. "every display has push 7").
 * Servers and clients run in their own processes so that, on a 2-core machine, the
 * clients' work does not run on the server's event loop.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { writeHeapSnapshot } from 'node:v8';

type Message =
  | { type: 'ready'; info: unknown }
  | { type: 'reply'; id: number; result?: unknown; error?: string }
  | { type: 'event'; name: string; data: unknown }
  | { type: 'request'; id: number; cmd: string; args: unknown };

export interface BenchChild<Info> {
  info: Info;
  proc: ChildProcess;
  events: EventEmitter;
  request<T = unknown>(cmd: string, args?: unknown): Promise<T>;
  /** Asks the child to exit, and kills it if it has not after a few seconds. */
  stop(): Promise<void>;
}

/** Forks a TypeScript file under tsx and waits for it to say it is ready. */
export function forkTs<Info>(script: URL, options: { args?: string[]; env?: NodeJS.ProcessEnv; execArgv?: string[] } = {}): Promise<BenchChild<Info>> {
  const proc = fork(fileURLToPath(script), options.args ?? [], {
    // BENCH_CPU_PROF=<dir> profiles every bench process (see docs/PERFORMANCE.md).
    execArgv: ['--import', 'tsx', ...(options.execArgv ?? []), ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const events = new EventEmitter();
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let nextId = 1;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));

  return new Promise((resolve, reject) => {
    proc.once('exit', (code, signal) => {
      const err = new Error(`${script.pathname.split('/').pop()} exited (${code ?? signal})`);
      for (const p of pending.values()) p.reject(err);
      pending.clear();
      reject(err);
    });
    proc.on('message', (raw) => {
      const m = raw as Message;
      if (m.type === 'event') events.emit(m.name, m.data);
      else if (m.type === 'reply') {
        const p = pending.get(m.id);
        pending.delete(m.id);
        if (m.error !== undefined) p?.reject(new Error(m.error));
        else p?.resolve(m.result);
      } else if (m.type === 'ready') {
        resolve({
          info: m.info as Info, proc, events,
          request<T>(cmd: string, args?: unknown) {
            const id = nextId++;
            return new Promise<T>((res, rej) => {
              pending.set(id, { resolve: res as (v: unknown) => void, reject: rej });
              proc.send({ type: 'request', id, cmd, args });
            });
          },
          async stop() {
            if (proc.exitCode !== null || proc.signalCode !== null) return;
            proc.send({ type: 'request', id: 0, cmd: 'exit', args: null });
            const timer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
            await exited;
            clearTimeout(timer);
          },
        });
      }
    });
  });
}

type Handlers = Record<string, (args: never) => unknown>;

/** Every bench process can profile a phase of itself on request: `profileStart`, then `profileStop` with a file name; or write a heap snapshot. */
let inspector: Session | null = null;
const profiling: Handlers = {
  async profileStart() {
    inspector = new Session();
    inspector.connect();
    await inspector.post('Profiler.enable');
    await inspector.post('Profiler.start');
  },
  /** A heap snapshot after a full GC: `heapSnapshot` with a file name (see tools/heap-diff.ts). */
  async heapSnapshot(file: string) {
    await memoryAfterGc();
    writeHeapSnapshot(file);
  },
  async profileStop(file: string) {
    if (!inspector) throw new Error('profileStart first');
    const { profile } = await inspector.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    inspector.disconnect();
    inspector = null;
  },
};

/** The child's side: answer requests with `handlers`, then tell the parent we are ready. */
export function serveParent(handlers: Handlers, info: unknown): { emit(name: string, data: unknown): void } {
  const send = (m: Message) => process.send?.(m);
  process.on('message', (raw) => {
    const m = raw as Message;
    if (m.type !== 'request') return;
    if (m.cmd === 'exit') process.exit(0);
    const handler = handlers[m.cmd] ?? profiling[m.cmd];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown command ${m.cmd}`);
        return handler(m.args as never);
      })
      .then((result) => send({ type: 'reply', id: m.id, result: result ?? null }))
      .catch((err: unknown) => send({ type: 'reply', id: m.id, error: err instanceof Error ? err.stack ?? err.message : String(err) }));
  });
  // An orphaned bench process must never keep load on the machine.
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', info });
  return { emit: (name, data) => send({ type: 'event', name, data }) };
}

/** A wall clock with sub-millisecond resolution that agrees across processes on one machine. */
export const wallNow = (): number => performance.timeOrigin + performance.now();

/** Heap and RSS after a full collection (the process must run with --expose-gc). */
export async function memoryAfterGc(): Promise<{ heapUsed: number; rss: number; external: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('start this process with --expose-gc');
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  const { heapUsed, rss, external } = process.memoryUsage();
  return { heapUsed, rss, external };
}
