/**
 * The real server as a child process (`node --import tsx server/main.ts`), for tests that must
 * kill it the hard way (SIGKILL) or stop and restart it on the same port and data folder.
 * Seed the data folder before the first start: `seedDataDir` opens the SQLite file, hands the
 * storage to a callback and closes it again.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { openSqliteStorage } from '../../server/storage/sqlite-storage.ts';
import type { Storage } from '../../server/storage/storage.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

export async function seedDataDir<T>(dataDir: string, seed: (storage: Storage) => Promise<T>): Promise<T> {
  const storage = openSqliteStorage(dataDir);
  try {
    return await seed(storage);
  } finally {
    await storage.close();
  }
}

export class ServerProcess {
  readonly url: string;
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  /** What the process printed, for a failing test's message. */
  output = '';

  constructor(readonly dataDir: string, readonly port: number, private readonly env: Record<string, string> = {}) {
    this.url = `http://127.0.0.1:${port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts the server and resolves once /healthz answers. */
  async start(timeoutMs = 30_000): Promise<void> {
    if (this.child) throw new Error('already running');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...this.env, DATA_DIR: this.dataDir, PORT: String(this.port), HOST: '127.0.0.1', LC_EMPTY: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) => child.once('exit', () => {
      if (this.child === child) this.child = null;
      resolve();
    }));
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.child) throw new Error(`server exited during start:\n${this.output}`);
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`server did not answer /healthz within ${timeoutMs} ms:\n${this.output}`);
  }

  /** Sends a signal and waits for the process to end: SIGKILL for a crash, SIGTERM for a stop. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.child) return;
    this.child.kill(signal);
    await this.exited;
  }

  /** Sends the signal without waiting: for killing the server in the middle of something. */
  killNow(signal: NodeJS.Signals): void {
    this.child?.kill(signal);
  }

  async waitForExit(): Promise<void> {
    await this.exited;
  }

  async restart(): Promise<void> {
    await this.kill('SIGTERM');
    await this.start();
  }
}
