/**
 * Staff identity: passwords (scrypt), sessions (only their hashes stored), one-time
 * links (first-admin setup, demo login, staff invites) and a login rate limit.
 */
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { z } from 'zod/mini';
import { DomainError, issuesOf } from '../../shared/result.ts';
import { name, type Role, type School, type StaffMember } from '../../shared/schemas.ts';
import type { Clock } from '../clock.ts';
import { hashSecret, newId, newSecret } from '../ids.ts';
import type { LinkPurpose, LinkRecord, Storage, StaffRecord } from '../storage/storage.ts';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions) =>
  new Promise<Buffer>((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

// OWASP's scrypt floor is N=2^17, r=8, p=1; that needs 128 MiB, so maxmem is raised.
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };

export const Password = z.string().check(z.minLength(10, 'at least 10 characters'), z.maxLength(200));

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64url');
  const actual = await scrypt(password, Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

export const SESSION_TTL_MS = 14 * 24 * 3600_000;
export const LINK_TTL_MS: Record<LinkPurpose, number> = {
  setup: 24 * 3600_000,
  login: 24 * 3600_000,
  invite: 7 * 24 * 3600_000,
};

export const publicStaff = ({ passwordHash: _, ...staff }: StaffRecord): StaffMember => staff;

/**
 * A fixed window per key. In-process by design: a second process would let an attacker
 * try twice as often, which is still slow against scrypt; move it to the shared store
 * with the Socket.IO adapter when the deployment grows.
 */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly limit: number, private readonly windowMs: number, private readonly clock: Clock) {}

  /** Counts an attempt; false when the key is over its limit. */
  hit(key: string): boolean {
    const now = this.clock.now();
    const w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      if (this.windows.size > 10_000) this.prune(now);
      return true;
    }
    w.count += 1;
    return w.count <= this.limit;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private prune(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}

export interface StaffSession {
  staff: StaffMember;
  school: School;
}

export class IdentityService {
  private readonly byEmail: RateLimiter;
  private readonly byAddress: RateLimiter;

  constructor(private readonly storage: Storage, private readonly clock: Clock) {
    this.byEmail = new RateLimiter(5, 15 * 60_000, clock);
    this.byAddress = new RateLimiter(30, 15 * 60_000, clock);
  }

  async login(email: string, password: string, address: string): Promise<{ sessionId: string; session: StaffSession }> {
    const emailKey = email.trim().toLowerCase();
    const okEmail = this.byEmail.hit(emailKey);
    const okAddress = this.byAddress.hit(address);
    if (!okEmail || !okAddress) throw new DomainError('rate_limited', 'Too many attempts. Wait fifteen minutes and try again.');
    const staff = await this.storage.staff.findByEmail(emailKey);
    // Hash even when the account is unknown, so timing does not say which emails exist.
    const valid = staff?.passwordHash
      ? await verifyPassword(password, staff.passwordHash)
      : (await hashPassword(password), false);
    if (!staff || !valid) throw new DomainError('unauthorised', 'That email and password do not match.');
    this.byEmail.reset(emailKey);
    return this.startSession(staff);
  }

  async startSession(staff: StaffRecord): Promise<{ sessionId: string; session: StaffSession }> {
    const sessionId = newSecret();
    await this.storage.sessions.create({
      idHash: hashSecret(sessionId), staffId: staff.id, schoolId: staff.schoolId,
      expiresAt: this.clock.now() + SESSION_TTL_MS,
    });
    const school = await this.storage.schools.get(staff.schoolId);
    if (!school) throw new DomainError('not_found', 'School not found');
    return { sessionId, session: { staff: publicStaff(staff), school } };
  }

  async fromSessionId(sessionId: string | undefined): Promise<StaffSession | null> {
    if (!sessionId) return null;
    const record = await this.storage.sessions.get(hashSecret(sessionId));
    if (!record || record.expiresAt <= this.clock.now()) return null;
    const staff = await this.storage.staff.get(record.staffId);
    const school = staff && (await this.storage.schools.get(staff.schoolId));
    return staff && school ? { staff: publicStaff(staff), school } : null;
  }

  async logout(sessionId: string | undefined): Promise<void> {
    if (sessionId) await this.storage.sessions.remove(hashSecret(sessionId));
  }

  /** A one-time link token; only its hash is stored. */
  async issueLink(schoolId: string, purpose: LinkPurpose, staffId: string | null): Promise<string> {
    const token = newSecret();
    await this.storage.links.create({
      tokenHash: hashSecret(token), schoolId, purpose, staffId,
      expiresAt: this.clock.now() + LINK_TTL_MS[purpose], usedAt: null,
    });
    return token;
  }

  /**
   * An unused, unexpired link; a setup link also dies once its school has an admin, so a
   * link printed by an earlier start (and left in a log) cannot make a second one.
   */
  private async liveLink(token: string, now: number): Promise<LinkRecord | null> {
    const link = await this.storage.links.peek(hashSecret(token), now);
    if (link?.purpose !== 'setup') return link;
    return (await this.storage.staff.list(link.schoolId)).some((s) => s.role === 'admin') ? null : link;
  }

  /** What a link is for, without using it (so the page can show the right form). */
  async peekLink(token: string): Promise<{ purpose: LinkPurpose; schoolName: string; staffName: string | null } | null> {
    const link = await this.liveLink(token, this.clock.now());
    if (!link) return null;
    const school = await this.storage.schools.get(link.schoolId);
    const staff = link.staffId ? await this.storage.staff.get(link.staffId) : null;
    return { purpose: link.purpose, schoolName: school?.name ?? '', staffName: staff?.name ?? null };
  }

  /**
   * Uses a link. A setup link creates the first admin from `account`; an invite sets the
   * invited person's password; a login link just signs its staff member in.
   */
  async redeemLink(
    token: string,
    account: { name?: string | undefined; email?: string | undefined; password?: string | undefined },
  ): Promise<{ sessionId: string; session: StaffSession }> {
    const now = this.clock.now();
    const peeked = await this.liveLink(token, now);
    if (!peeked) throw new DomainError('not_found', 'This link has been used or has expired.');
    const password = peeked.purpose === 'login' ? null : Password.safeParse(account.password);
    if (password && !password.success) {
      throw new DomainError('invalid', 'Choose a password of at least 10 characters.', [{ path: ['password'], message: 'at least 10 characters' }]);
    }
    if (peeked.purpose === 'setup') {
      const details = z.object({ name: name(80), email: z.email().check(z.maxLength(200)) }).safeParse(account);
      if (!details.success) {
        throw new DomainError('invalid', 'Give your name and email.', issuesOf(details.error));
      }
      if (await this.storage.staff.findByEmail(details.data.email.toLowerCase())) {
        throw new DomainError('conflict', 'That email already has an account.');
      }
    }
    const link = await this.storage.links.take(hashSecret(token), now);
    if (!link) throw new DomainError('not_found', 'This link has been used or has expired.');

    if (link.purpose === 'setup') {
      const staff: StaffRecord = {
        id: newId(), schoolId: link.schoolId, name: String(account.name).trim(),
        email: String(account.email).trim().toLowerCase(), role: 'admin', classIds: [],
        passwordHash: await hashPassword(String(account.password)),
      };
      await this.storage.staff.create(staff);
      return this.startSession(staff);
    }
    const staff = link.staffId ? await this.storage.staff.get(link.staffId) : null;
    if (!staff) throw new DomainError('not_found', 'This account no longer exists.');
    if (link.purpose === 'invite') {
      await this.storage.staff.setPassword(staff.id, await hashPassword(String(account.password)));
    }
    return this.startSession(staff);
  }

  /** Someone signed in chooses a new password; it needs the current one, and is rate-limited like a login. */
  async changePassword(staffId: string, current: string, next: string): Promise<void> {
    if (!this.byEmail.hit(`password:${staffId}`)) throw new DomainError('rate_limited', 'Too many attempts. Wait fifteen minutes and try again.');
    const parsed = Password.safeParse(next);
    if (!parsed.success) throw new DomainError('invalid', 'Choose a password of at least 10 characters.', [{ path: ['next'], message: 'at least 10 characters' }]);
    const staff = await this.storage.staff.get(staffId);
    if (!staff?.passwordHash || !(await verifyPassword(current, staff.passwordHash))) {
      throw new DomainError('unauthorised', 'Your current password is not right.', [{ path: ['current'], message: 'not right' }]);
    }
    await this.storage.staff.setPassword(staffId, await hashPassword(parsed.data));
  }

  /** A new invite link for someone already on the staff; their password stops working until they choose a new one. */
  async resetLink(schoolId: string, staffId: string): Promise<{ staff: StaffMember; token: string }> {
    const staff = await this.storage.staff.get(staffId);
    if (!staff || staff.schoolId !== schoolId) throw new DomainError('not_found', 'No such member of staff in your school.');
    await this.storage.staff.setPassword(staff.id, null);
    await this.storage.sessions.removeForStaff(staff.id);
    return { staff: publicStaff(staff), token: await this.issueLink(schoolId, 'invite', staff.id) };
  }

  async invite(schoolId: string, input: { name: string; email: string; role: Role; classIds: string[] }): Promise<{ staff: StaffMember; token: string }> {
    const email = input.email.trim().toLowerCase();
    if (await this.storage.staff.findByEmail(email)) throw new DomainError('conflict', 'That email already has an account.');
    const classes = new Set((await this.storage.classes.list(schoolId)).map((c) => c.id));
    const unknown = input.classIds.findIndex((id) => !classes.has(id));
    if (unknown >= 0) throw new DomainError('forbidden', 'That class is not in your school.', [{ path: ['classIds', unknown], message: 'not in your school' }]);
    const staff: StaffRecord = { id: newId(), schoolId, name: input.name, email, role: input.role, classIds: input.classIds, passwordHash: null };
    await this.storage.staff.create(staff);
    return { staff: publicStaff(staff), token: await this.issueLink(schoolId, 'invite', staff.id) };
  }
}
