/**
 * The storage interface, one repository per aggregate. Every method is async so that a
 * PostgreSQL implementation can sit behind the same interface and pass the same
 * contract tests (test/integration/storage.contract.ts). Every write that resolves is
 * durable: callers ack only after the promise resolves.
 */
import type {
  Child, Club, Device, Participation, Prompt, PromptDraft, School, SchoolClass, StaffMember,
} from '../../shared/schemas.ts';

export interface StaffRecord extends StaffMember {
  /** scrypt hash, or null until the invited person sets a password. */
  passwordHash: string | null;
}

export interface SessionRecord {
  idHash: string;
  staffId: string;
  schoolId: string;
  expiresAt: number;
}

export type LinkPurpose = 'setup' | 'login' | 'invite';

/** A one-time link: the first-admin setup link, a demo login link or a staff invite. */
export interface LinkRecord {
  tokenHash: string;
  schoolId: string;
  purpose: LinkPurpose;
  staffId: string | null;
  expiresAt: number;
  usedAt: number | null;
}

export interface DeviceRecord extends Device {
  tokenHash: string;
}

/** A pairing code belongs to no school until a teacher claims it. */
export interface PairingCodeRecord {
  code: string;
  createdAt: number;
  expiresAt: number;
}

export interface SchoolRepo {
  create(school: School): Promise<void>;
  get(id: string): Promise<School | null>;
  list(): Promise<School[]>;
  update(school: School): Promise<void>;
}

export interface ClassRepo {
  create(cls: SchoolClass): Promise<void>;
  get(schoolId: string, id: string): Promise<SchoolClass | null>;
  list(schoolId: string): Promise<SchoolClass[]>;
}

export interface ChildRepo {
  /** All or nothing. */
  createMany(children: Child[]): Promise<void>;
  get(schoolId: string, id: string): Promise<Child | null>;
  getMany(schoolId: string, ids: string[]): Promise<Child[]>;
  listByClass(schoolId: string, classId: string): Promise<Child[]>;
  listBySchool(schoolId: string): Promise<Child[]>;
  update(child: Child): Promise<void>;
  remove(schoolId: string, id: string): Promise<boolean>;
  search(schoolId: string, query: string, limit: number): Promise<Child[]>;
}

export interface StaffRepo {
  create(staff: StaffRecord): Promise<void>;
  get(id: string): Promise<StaffRecord | null>;
  findByEmail(email: string): Promise<StaffRecord | null>;
  list(schoolId: string): Promise<StaffRecord[]>;
  count(schoolId: string): Promise<number>;
  /** null: no password works until the person chooses one through an invite link. */
  setPassword(id: string, passwordHash: string | null): Promise<void>;
  remove(schoolId: string, id: string): Promise<boolean>;
}

export interface SessionRepo {
  create(session: SessionRecord): Promise<void>;
  get(idHash: string): Promise<SessionRecord | null>;
  remove(idHash: string): Promise<void>;
  removeForStaff(staffId: string): Promise<void>;
}

export interface LinkRepo {
  create(link: LinkRecord): Promise<void>;
  /** The link if it exists, is unused and unexpired; does not use it. */
  peek(tokenHash: string, now: number): Promise<LinkRecord | null>;
  /** Uses the link atomically: only one caller ever gets it back. */
  take(tokenHash: string, now: number): Promise<LinkRecord | null>;
}

export interface DeviceRepo {
  create(device: DeviceRecord): Promise<void>;
  get(schoolId: string, id: string): Promise<DeviceRecord | null>;
  getByTokenHash(tokenHash: string): Promise<DeviceRecord | null>;
  list(schoolId: string): Promise<DeviceRecord[]>;
  revoke(schoolId: string, id: string, at: number): Promise<boolean>;
  touch(id: string, at: number, appVersion: string | null): Promise<void>;
}

export interface PairingCodeRepo {
  create(code: PairingCodeRecord): Promise<boolean>;
  /** Consumes the code if it exists and has not expired: single use. */
  take(code: string, now: number): Promise<PairingCodeRecord | null>;
  removeExpired(now: number): Promise<void>;
}

export interface PromptRepo {
  /** Replaces the drafts of the given days; a day already published stays published. */
  saveDays(schoolId: string, classId: string, drafts: PromptDraft[], removeDates: string[], at: number): Promise<void>;
  setStatus(schoolId: string, classId: string, dates: string[], status: Prompt['status'], at: number): Promise<void>;
  listRange(schoolId: string, classIds: string[], from: string, to: string): Promise<Prompt[]>;
  search(schoolId: string, query: string, limit: number): Promise<Prompt[]>;
}

export interface ClubRepo {
  create(schoolId: string, club: Club): Promise<void>;
  get(schoolId: string, id: string): Promise<Club | null>;
  list(schoolId: string): Promise<Club[]>;
  addMembers(schoolId: string, clubId: string, childIds: string[]): Promise<void>;
  removeMember(schoolId: string, clubId: string, childId: string): Promise<void>;
  members(schoolId: string, clubId: string): Promise<Child[]>;
}

export interface ParticipationRepo {
  /**
   * Stores entries idempotently in one transaction: an id already stored (even one
   * undone since) is left as it is. Returns the ids that were new.
   */
  insert(entries: Participation[]): Promise<string[]>;
  get(schoolId: string, id: string): Promise<Participation | null>;
  /** Marks an entry undone; it is then never listed nor re-created by a resend. */
  remove(schoolId: string, id: string, at: number): Promise<boolean>;
  listByChildren(schoolId: string, childIds: string[], from: string, to: string): Promise<Participation[]>;
  listByClass(schoolId: string, classId: string, from: string, to: string): Promise<Participation[]>;
  listBySchool(schoolId: string, from: string, to: string): Promise<Participation[]>;
  count(schoolId: string): Promise<number>;
}

export interface Storage {
  schools: SchoolRepo;
  classes: ClassRepo;
  children: ChildRepo;
  staff: StaffRepo;
  sessions: SessionRepo;
  links: LinkRepo;
  devices: DeviceRepo;
  pairingCodes: PairingCodeRepo;
  prompts: PromptRepo;
  clubs: ClubRepo;
  participation: ParticipationRepo;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
