/**
 * The composition root: one HTTP server with Socket.IO attached, built from a config,
 * a storage and a clock. main.ts and every test build the app through this one function.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { Config } from './config.ts';
import type { Clock } from './clock.ts';
import { createApiHandler } from './http/routes.ts';
import { setSecurityHeaders } from './http/security-headers.ts';
import { serveStatic } from './http/static-files.ts';
import { createHandlers } from './realtime/handlers.ts';
import { Rollover } from './realtime/rollover.ts';
import { Broadcaster, room, type AppServer } from './realtime/rooms.ts';
import { attachHandlers, createSocketServer } from './realtime/socket-server.ts';
import { createServices, type Services } from './services/services.ts';
import type { Storage } from './storage/storage.ts';

export interface App {
  httpServer: HttpServer;
  io: AppServer;
  services: Services;
  push: Broadcaster;
  /** Pushes every class's prompts at each school's local midnight; listen() starts it for the schools there are. */
  rollover: Rollover;
  /** Listens; resolves with the bound port (pass 0 for an ephemeral one). */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export function createApp({ config, storage, clock }: { config: Config; storage: Storage; clock: Clock }): App {
  const services = createServices(storage, clock);
  const httpServer = createServer();
  const io = createSocketServer(httpServer);
  const push = new Broadcaster(io, storage, services.planning, clock);
  const rollover = new Rollover(push, clock);
  const api = createApiHandler({ services, config, onLogout: (hash) => push.disconnectRoom(room.session(hash)) });

  httpServer.on('request', (req, res) => {
    // Socket.IO answers its own path; everything else is ours.
    if (req.url?.startsWith('/socket.io/')) return;
    setSecurityHeaders(res, config.secureCookies);
    void (async () => {
      if (await api(req, res)) return;
      if (config.staticDir && (await serveStatic(config.staticDir, req, res))) return;
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('Not found');
    })().catch((err: unknown) => {
      console.error('request failed', err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });

  const publicUrl = () => config.publicUrl ?? `http://localhost:${(httpServer.address() as { port?: number } | null)?.port ?? config.port}`;
  attachHandlers(io, services, createHandlers(services, push, rollover), publicUrl);

  return {
    httpServer, io, services, push, rollover,
    async listen(port, host = '127.0.0.1') {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      for (const school of await storage.schools.list()) rollover.schedule(school);
      return (httpServer.address() as { port: number }).port;
    },
    async close() {
      rollover.stop();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      await storage.close();
    },
  };
}
