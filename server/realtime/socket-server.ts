/**
 * Socket.IO on the app's HTTP server: authenticate at the handshake, then for every
 * event authorise → parse with the shared schema → call the handler → ack a Result.
 * Nothing a client sends can throw past this file.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { callerOf, clientEvents, HandshakeAuth, type ClientEventName, type SocketIdentity } from '../../shared/events.ts';
import { DomainError, fail, ok, type IssueAt, type Result } from '../../shared/result.ts';
import { readCookie, SESSION_COOKIE } from '../http/cookies.ts';
import { hashSecret } from '../ids.ts';
import type { Services } from '../services/services.ts';
import type { Handlers, HandlerContext } from './handlers.ts';
import { room, type AppServer } from './rooms.ts';

/** Big enough for a 2,000-row roster CSV; small enough that nobody can flood memory. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

export function createSocketServer(httpServer: HttpServer): AppServer {
  return new Server(httpServer, {
    maxHttpBufferSize: MAX_MESSAGE_BYTES,
    transports: ['websocket', 'polling'],
    serveClient: false,
    // Memory per idle connection matters with thousands of screens (see docs/PERFORMANCE.md).
    perMessageDeflate: false,
    httpCompression: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    pingInterval: 25_000,
    pingTimeout: 20_000,
  });
}

async function identify(socket: Socket, services: Services): Promise<SocketIdentity> {
  const auth = HandshakeAuth.safeParse(socket.handshake.auth ?? {});
  if (!auth.success) throw new DomainError('invalid', 'Bad handshake');
  if (auth.data.deviceToken) {
    const device = await services.devices.authenticate(auth.data.deviceToken);
    if (!device) throw new DomainError('unauthorised', 'device_unknown');
    const school = await services.storage.schools.get(device.schoolId);
    if (!school) throw new DomainError('unauthorised', 'device_unknown');
    await services.devices.seen(device.id, auth.data.appVersion ?? null);
    return device.kind === 'poster' ? { kind: 'poster', device, school } : { kind: 'club', device, school };
  }
  const sessionId = readCookie(socket.handshake.headers.cookie, SESSION_COOKIE);
  const session = await services.identity.fromSessionId(sessionId);
  if (session && sessionId) return { kind: 'staff', ...session, sessionHash: hashSecret(sessionId) };
  return auth.data.unpaired ? { kind: 'unpaired' } : { kind: 'anonymous' };
}

function roomsFor(identity: SocketIdentity): string[] {
  switch (identity.kind) {
    case 'poster':
      return [room.device(identity.device.id), ...identity.device.classIds.map(room.classDisplays)];
    case 'club':
      return [room.device(identity.device.id), room.club(identity.device.clubId ?? '')];
    case 'staff':
      return [room.schoolStaff(identity.school.id), room.staffMember(identity.staff.id), room.session(identity.sessionHash)];
    default:
      return [];
  }
}

const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }): IssueAt[] =>
  error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? p : String(p))), message: i.message }));

export function attachHandlers(io: AppServer, services: Services, handlers: Handlers, publicUrl: () => string): void {
  io.use((socket, next) => {
    identify(socket, services)
      .then((identity) => {
        socket.data.identity = identity;
        next();
      })
      .catch((err: unknown) => {
        const e = new Error(err instanceof DomainError ? err.message : 'server_error') as Error & { data?: unknown };
        e.data = { code: err instanceof DomainError ? err.code : 'internal' };
        next(e);
      });
  });

  io.on('connection', (socket) => {
    const identity = socket.data.identity;
    void socket.join(roomsFor(identity));

    if (identity.kind === 'poster') {
      // A display resyncs its whole state on every (re)connect.
      services.planning.displayState(identity.school, identity.device.classIds)
        .then((state) => socket.emit('display:state', state))
        .catch((err: unknown) => console.error('display state failed', err));
    }

    const ctx: HandlerContext = { identity, join: (name) => void socket.join(name), publicUrl: publicUrl() };

    for (const name of Object.keys(clientEvents) as ClientEventName[]) {
      socket.on(name, (...args: unknown[]) => {
        const ack = args.at(-1);
        const payload = args.length > 1 ? args[0] : undefined;
        // Without an ack there is no one to answer: drop it rather than guess.
        if (typeof ack !== 'function') return;
        void dispatch(name, ctx, payload).then((result) => (ack as (r: Result<unknown>) => void)(result));
      });
    }

    // An event nobody handles is answered, never left hanging.
    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && event in clientEvents) return;
      const ack = args.at(-1);
      if (typeof ack === 'function') ack(fail('not_found', `Unknown event ${String(event).slice(0, 60)}`));
    });
  });

  async function dispatch(name: ClientEventName, ctx: HandlerContext, payload: unknown): Promise<Result<unknown>> {
    const handler = handlers[name] as unknown as { allow: readonly string[]; run: (c: HandlerContext, p: unknown) => Promise<unknown> };
    const caller = callerOf(ctx.identity);
    if (!handler.allow.includes(caller)) {
      return caller === 'anonymous' || caller === 'unpaired'
        ? fail('unauthorised', 'Sign in or pair this device first.')
        : fail('forbidden', 'You are not allowed to do that.');
    }
    const parsed = clientEvents[name].safeParse(payload ?? {});
    if (!parsed.success) return fail('invalid', 'Some fields are not right.', issuesOf(parsed.error));
    try {
      return ok(await handler.run(ctx, parsed.data));
    } catch (err) {
      if (err instanceof DomainError) return fail(err.code, err.message, err.issues);
      console.error(`event ${name} failed`, err);
      return fail('internal', 'Something went wrong on the server.');
    }
  }
}
