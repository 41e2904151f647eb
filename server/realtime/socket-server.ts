/**
 * Socket.IO on the app's HTTP server: authenticate at the handshake, then for every
 * event authorise → parse with the shared schema → call the handler → ack a Result.
 * Nothing a client sends can throw past this file.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { callerOf, clientEvents, HandshakeAuth, type ClientEventName, type SocketIdentity } from '../../shared/events.ts';
import { DomainError, fail, issuesOf, ok, type Result } from '../../shared/result.ts';
import type { DisplayState } from '../../shared/schemas.ts';
import { readCookie, SESSION_COOKIE } from '../http/cookies.ts';
import { hashSecret } from '../ids.ts';
import type { Services } from '../services/services.ts';
import type { Handlers, HandlerContext } from './handlers.ts';
import { room, type AppServer } from './rooms.ts';

/** Big enough for a 2,000-row roster CSV; small enough that nobody can flood memory. */
export const MAX_MESSAGE_BYTES = 256 * 1024;

/** How long the server keeps the (unused) ack of a display's state before letting it go. */
const STATE_UNANSWERED_MS = 10_000;
/** The event map has no ack for display:state: the ack is only there so the state is not kept for replay. */
type StateWithAck = { emit(event: 'display:state', state: DisplayState, ack: () => void): void };

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
      return [room.device(identity.device.id), room.schoolDevices(identity.school.id), ...identity.device.classIds.map(room.classDisplays)];
    case 'club':
      return [room.device(identity.device.id), room.schoolDevices(identity.school.id), room.club(identity.device.clubId ?? '')];
    case 'staff':
      return [room.schoolStaff(identity.school.id), room.staffMember(identity.staff.id), room.session(identity.sessionHash)];
    default:
      return [];
  }
}

/** No payload nests deeper than this; a hostile one may nest 100,000 deep, so the scan stops here. */
const MAX_SCAN_DEPTH = 8;

/** Where the first binary attachment sits: a payload is JSON, and zod would read a Buffer as an object. */
function binaryAt(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return path;
  if (path.length >= MAX_SCAN_DEPTH) return null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const at = binaryAt(v, [...path, i]);
      if (at) return at;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const at = binaryAt(v, [...path, k]);
      if (at) return at;
    }
  }
  return null;
}

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
      // A display resyncs its whole state on every (re)connect. With connection state
      // recovery on, a plain emit is kept two minutes for replay: after a restart, a copy
      // of the state per screen (docs/PERFORMANCE.md). An emit with an ack is not kept,
      // and this one needs no answer: the next connect sends the state again anyway.
      services.planning.displayState(identity.school, identity.device.classIds)
        .then((state) => (socket.timeout(STATE_UNANSWERED_MS) as unknown as StateWithAck).emit('display:state', state, () => undefined))
        .catch((err: unknown) => console.error('display state failed', err));
    }

    if (identity.kind === 'poster' || identity.kind === 'club') {
      // Last seen is when it left, for a device that stays connected for weeks.
      socket.on('disconnect', () => void services.devices.seen(identity.device.id, null).catch(() => undefined));
    }

    const ctx: HandlerContext = { identity, join: (name) => void socket.join(name), publicUrl: publicUrl() };

    // One listener for every event, not one per event: a screen holds its connection for
    // weeks, and forty closures per connection cost more heap than ws itself (docs/PERFORMANCE.md).
    socket.onAny((event: unknown, ...args: unknown[]) => {
      const ack = args.at(-1);
      // Without an ack there is no one to answer: drop it rather than guess.
      if (typeof ack !== 'function') return;
      const answer = ack as (r: Result<unknown>) => void;
      // Own keys only: 'constructor' or 'toString' are in every object, and have no handler.
      if (typeof event !== 'string' || !Object.hasOwn(clientEvents, event)) {
        // An event nobody handles is answered, never left hanging.
        answer(fail('not_found', `Unknown event ${String(event).slice(0, 60)}`));
        return;
      }
      const name = event as ClientEventName;
      void dispatch(name, ctx, args.length > 1 ? args[0] : undefined)
        .catch((err: unknown) => {
          // A rejection here would be unhandled and stop the process: answer instead.
          console.error(`event ${name} failed`, err);
          return fail('internal', 'Something went wrong on the server.');
        })
        .then(answer);
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
    const binary = binaryAt(payload);
    if (binary) return fail('invalid', 'Send JSON, not binary data.', [{ path: binary, message: 'binary data is not allowed' }]);
    // No payload is a bad payload too: every event takes an object, even an empty one.
    const parsed = clientEvents[name].safeParse(payload);
    if (!parsed.success) return fail('invalid', 'Some fields are not right.', issuesOf(parsed.error));
    try {
      // A staff session may have expired or been signed out since the handshake.
      if (ctx.identity.kind === 'staff') {
        const session = await services.storage.sessions.get(ctx.identity.sessionHash);
        if (!session || session.expiresAt <= services.clock.now()) return fail('unauthorised', 'Your session has ended: sign in again.');
      }
      // The school as it is now (an admin may have changed its time zone since this socket connected).
      if ('school' in ctx.identity) ctx.identity.school = (await services.storage.schools.get(ctx.identity.school.id)) ?? ctx.identity.school;
      return ok(await handler.run(ctx, parsed.data));
    } catch (err) {
      if (err instanceof DomainError) return fail(err.code, err.message, err.issues);
      console.error(`event ${name} failed`, err);
      return fail('internal', 'Something went wrong on the server.');
    }
  }
}
