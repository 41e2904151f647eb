/**
 * The few HTTP endpoints: health, login/logout, one-time links and the CSV export.
 * Same shape as the socket layer: parse with zod → call a service → answer a Result.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod/mini';
import { toCsv } from '../../shared/csv.ts';
import { DomainError, fail, issuesOf, ok, type Result } from '../../shared/result.ts';
import { Id, IsoDate } from '../../shared/schemas.ts';
import type { Config } from '../config.ts';
import { hashSecret } from '../ids.ts';
import { SESSION_TTL_MS, type StaffSession } from '../services/identity.ts';
import { EXPORT_HEADER } from '../services/participation.ts';
import type { Services } from '../services/services.ts';
import { clearedSessionCookie, readCookie, SESSION_COOKIE, sessionCookie } from './cookies.ts';

const MAX_BODY_BYTES = 16 * 1024;

const upTo = (max: number) => z.string().check(z.maxLength(max));
const LoginBody = z.strictObject({ email: upTo(200), password: upTo(200) });
const TokenBody = z.strictObject({ token: z.string().check(z.minLength(10), z.maxLength(200)) });
const RedeemBody = z.extend(TokenBody, {
  name: z.optional(upTo(80)),
  email: z.optional(upTo(200)),
  password: z.optional(upTo(200)),
});
const PasswordBody = z.strictObject({ current: upTo(200), next: upTo(200) });
const ExportQuery = z.strictObject({ classId: z.optional(Id), from: IsoDate, to: IsoDate });

const STATUS: Record<string, number> = {
  invalid: 400, unauthorised: 401, forbidden: 403, not_found: 404, conflict: 409, rate_limited: 429, internal: 500,
};

function send(res: ServerResponse, result: Result<unknown>): void {
  res.statusCode = result.ok ? 200 : (STATUS[result.error.code] ?? 500);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(result));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  // JSON only: with SameSite=Strict cookies this also keeps cross-site form posts out.
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new DomainError('invalid', 'Send JSON.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new DomainError('invalid', 'Too large.');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new DomainError('invalid', 'Not valid JSON.');
  }
}

function parse<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new DomainError('invalid', 'Some fields are not right.', issuesOf(parsed.error));
  }
  return parsed.data;
}

/** The caller's address; behind a trusted proxy, the hop the proxy itself saw (the right-most one it added). */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean).at(-1) : undefined;
  return forwarded ?? req.socket.remoteAddress ?? 'unknown';
}

export interface RouteDeps {
  services: Services;
  config: Config;
  /** Called after a logout so that socket connections of that session close at once. */
  onLogout(sessionHash: string): void;
}

/** Answers an API request, or returns false when the path is not an API path. */
export function createApiHandler({ services, config, onLogout }: RouteDeps) {
  const { identity, storage } = services;

  const signedIn = (res: ServerResponse, started: { sessionId: string; session: StaffSession }) => {
    res.setHeader('Set-Cookie', sessionCookie(started.sessionId, SESSION_TTL_MS / 1000, config.secureCookies));
    return started.session;
  };

  const requireStaff = async (req: IncomingMessage, roles: string[]): Promise<StaffSession> => {
    const session = await identity.fromSessionId(readCookie(req.headers.cookie, SESSION_COOKIE));
    if (!session) throw new DomainError('unauthorised', 'Sign in first.');
    if (!roles.includes(session.staff.role)) throw new DomainError('forbidden', 'You are not allowed to do that.');
    return session;
  };

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<unknown>> = {
    'GET /healthz': async () => {
      const database = await storage.ping();
      if (!database) throw new DomainError('internal', 'database unreachable');
      return { status: 'ok', version: config.appVersion, database: 'ok' };
    },
    'POST /api/login': async (req, res) => {
      const body = parse(LoginBody, await readJson(req));
      const address = clientAddress(req, config.trustProxy);
      return signedIn(res, await identity.login(body.email, body.password, address));
    },
    'POST /api/logout': async (req, res) => {
      const sessionId = readCookie(req.headers.cookie, SESSION_COOKIE);
      await identity.logout(sessionId);
      if (sessionId) onLogout(hashSecret(sessionId));
      res.setHeader('Set-Cookie', clearedSessionCookie(config.secureCookies));
      return null;
    },
    'GET /api/me': async (req) => requireStaff(req, ['admin', 'teacher', 'staff']),
    'POST /api/password': async (req) => {
      const { staff } = await requireStaff(req, ['admin', 'teacher', 'staff']);
      const body = parse(PasswordBody, await readJson(req));
      await identity.changePassword(staff.id, body.current, body.next);
      return null;
    },
    'POST /api/links/peek': async (req) => {
      const { token } = parse(TokenBody, await readJson(req));
      const link = await identity.peekLink(token);
      if (!link) throw new DomainError('not_found', 'This link has been used or has expired.');
      return link;
    },
    'POST /api/links/redeem': async (req, res) => {
      const { token, ...account } = parse(RedeemBody, await readJson(req));
      return signedIn(res, await identity.redeemLink(token, account));
    },
    'GET /api/export/participation.csv': async (req, res, url) => {
      const { school } = await requireStaff(req, ['admin', 'teacher']);
      const q = parse(ExportQuery, Object.fromEntries(url.searchParams));
      if (q.classId && !(await storage.classes.get(school.id, q.classId))) throw new DomainError('forbidden', 'That class is not in your school.');
      if (q.from > q.to) throw new DomainError('invalid', 'The range ends before it starts.', [{ path: ['to'], message: 'before from' }]);
      const rows = await services.participation.exportRows(school, q.classId ?? null, q.from, q.to);
      res.statusCode = 200;
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="participation-${q.from}-to-${q.to}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      res.end(toCsv(EXPORT_HEADER, rows));
      return undefined;
    },
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes[`${req.method} ${url.pathname}`];
    if (!route) {
      if (url.pathname.startsWith('/api/')) {
        send(res, fail('not_found', 'No such endpoint.'));
        return true;
      }
      return false;
    }
    try {
      const data = await route(req, res, url);
      if (data !== undefined) send(res, ok(data));
    } catch (err) {
      if (err instanceof DomainError) send(res, fail(err.code, err.message, err.issues));
      else {
        console.error(`${req.method} ${url.pathname} failed`, err);
        send(res, fail('internal', 'Something went wrong on the server.'));
      }
    }
    return true;
  };
}
