/**
 * One entry per client→server event: who may call it, and what it does once the
 * payload has been parsed. Thin by design: services hold the logic, this layer only
 * picks the school from the caller's identity and says who hears about the change.
 */
import type { AnswerOf, Caller, ClientEventName, ParsedPayloadOf, SocketIdentity } from '../../shared/events.ts';
import { DomainError } from '../../shared/result.ts';
import type { Device, School } from '../../shared/schemas.ts';
import type { Services } from '../services/services.ts';
import type { Logger } from '../services/participation.ts';
import { room, type Broadcaster } from './rooms.ts';
import type { Rollover } from './rollover.ts';

export interface HandlerContext {
  identity: SocketIdentity;
  /** Joins the calling socket to a room (used by an unpaired device waiting for its claim). */
  join(roomName: string): void;
  publicUrl: string;
}

interface Handler<E extends ClientEventName> {
  allow: readonly Caller[];
  run(ctx: HandlerContext, payload: ParsedPayloadOf<E>): Promise<AnswerOf[E]>;
}

export type Handlers = { [E in ClientEventName]: Handler<E> };

const STAFF = ['admin', 'teacher', 'staff'] as const;
const TEACHERS = ['admin', 'teacher'] as const;
const ADMIN = ['admin'] as const;

/** The caller's school; every handler that reaches data starts here. */
function schoolOf(identity: SocketIdentity): School {
  if (identity.kind === 'anonymous' || identity.kind === 'unpaired') throw new DomainError('unauthorised', 'Sign in first.');
  return identity.school;
}

function deviceOf(identity: SocketIdentity): Device {
  if (identity.kind !== 'poster' && identity.kind !== 'club') throw new DomainError('forbidden', 'Only a paired device may do that.');
  return identity.device;
}

function loggerOf(identity: SocketIdentity): Logger {
  if (identity.kind === 'club') return { kind: 'club', clubId: identity.device.clubId ?? '', label: identity.device.label };
  if (identity.kind === 'staff') return { kind: 'staff', name: identity.staff.name, role: identity.staff.role };
  throw new DomainError('forbidden', 'Only staff and club tablets log conversations.');
}

/** A club tablet acts on its own club only; staff on any club of their school. */
function checkClub(identity: SocketIdentity, clubId: string): void {
  if (identity.kind === 'club' && identity.device.clubId !== clubId) {
    throw new DomainError('forbidden', 'This tablet belongs to another club.', [{ path: ['clubId'], message: 'not this tablet\'s club' }]);
  }
}

export function createHandlers(s: Services, push: Broadcaster, rollover: Rollover): Handlers {
  const weekChanged = async (school: School, classId: string, weekStart: string) => {
    push.weekChanged(school.id, classId, weekStart);
    await push.classPrompts(school, classId);
  };

  /** Publishing and unpublishing (a week, or one day of it) push to the class's screens at once. */
  const publishing = <E extends 'week:publish' | 'week:unpublish'>(published: boolean): Handler<E> => ({
    allow: TEACHERS,
    async run({ identity }, p) {
      const school = schoolOf(identity);
      const week = await s.planning.setPublished(school.id, p.classId, p.weekStart, p.date, published);
      await weekChanged(school, p.classId, p.weekStart);
      return week;
    },
  });

  return {
    'session:whoami': {
      allow: ['anonymous', 'unpaired', 'poster', 'club', ...STAFF],
      async run({ identity }) {
        switch (identity.kind) {
          case 'anonymous':
          case 'unpaired':
            return { kind: identity.kind };
          case 'poster':
          case 'club':
            return { kind: 'device', device: identity.device };
          case 'staff':
            return { kind: 'staff', staff: identity.staff, school: identity.school };
        }
      },
    },

    'staff:list': {
      allow: ADMIN,
      run: async ({ identity }) => (await s.storage.staff.list(schoolOf(identity).id)).map(({ passwordHash: _, ...m }) => m),
    },
    'staff:invite': {
      allow: ADMIN,
      async run({ identity, publicUrl }, p) {
        const { staff, token } = await s.identity.invite(schoolOf(identity).id, p);
        return { staff, link: `${publicUrl}/link#${token}` };
      },
    },
    'staff:resetLink': {
      allow: ADMIN,
      async run({ identity, publicUrl }, p) {
        const { staff, token } = await s.identity.resetLink(schoolOf(identity).id, p.staffId);
        push.disconnectRoom(room.staffMember(staff.id));
        return { staff, link: `${publicUrl}/link#${token}` };
      },
    },
    'staff:remove': {
      allow: ADMIN,
      async run({ identity }, p) {
        if (identity.kind === 'staff' && identity.staff.id === p.staffId) throw new DomainError('conflict', 'You cannot remove your own account.');
        if (!(await s.storage.staff.remove(schoolOf(identity).id, p.staffId))) throw new DomainError('not_found', 'No such member of staff in your school.');
        push.disconnectRoom(room.staffMember(p.staffId));
        return null;
      },
    },
    'school:update': {
      allow: ADMIN,
      async run({ identity }, p) {
        const before = schoolOf(identity);
        const school = { ...before, ...p };
        await s.storage.schools.update(school);
        rollover.schedule(school);
        // Screens and tablets show the name, day and pickup window: when one changes they
        // reconnect at once (the transport drops, the socket stays) and resync.
        const shown = (k: typeof before) => [k.name, k.timeZone, k.pickupStart, k.pickupEnd].join('|');
        if (shown(before) !== shown(school)) push.reconnectRoom(room.schoolDevices(school.id));
        return school;
      },
    },

    'class:list': { allow: STAFF, run: ({ identity }) => s.roster.listClasses(schoolOf(identity).id) },
    'class:create': { allow: ADMIN, run: ({ identity }, p) => s.roster.createClass(schoolOf(identity).id, p) },

    'child:list': { allow: TEACHERS, run: ({ identity }, p) => s.roster.listChildren(schoolOf(identity).id, p.classId) },
    'child:create': { allow: TEACHERS, run: ({ identity }, p) => s.roster.createChild(schoolOf(identity).id, p) },
    'child:update': { allow: TEACHERS, run: ({ identity }, p) => s.roster.updateChild(schoolOf(identity).id, p) },
    'child:remove': {
      allow: TEACHERS,
      run: async ({ identity }, p) => (await s.roster.removeChild(schoolOf(identity).id, p.childId), null),
    },
    'roster:import': { allow: TEACHERS, run: ({ identity }, p) => s.roster.importCsv(schoolOf(identity).id, p.csv, p.dryRun) },

    'club:list': { allow: STAFF, run: ({ identity }) => s.clubs.list(schoolOf(identity).id) },
    'club:create': { allow: ADMIN, run: ({ identity }, p) => s.clubs.create(schoolOf(identity).id, p.name) },
    'club:addChildren': {
      allow: ['club', ...STAFF],
      async run({ identity }, p) {
        checkClub(identity, p.clubId);
        await s.clubs.addChildren(schoolOf(identity).id, p.clubId, p.childIds);
        return null;
      },
    },
    'club:removeChild': {
      allow: ['club', ...STAFF],
      async run({ identity }, p) {
        checkClub(identity, p.clubId);
        await s.clubs.removeChild(schoolOf(identity).id, p.clubId, p.childId);
        return null;
      },
    },
    'club:sync': {
      allow: ['club'],
      run: ({ identity }) => s.clubs.state(schoolOf(identity), deviceOf(identity).clubId ?? ''),
    },
    'club:search': { allow: ['club', ...STAFF], run: ({ identity }, p) => s.clubs.search(schoolOf(identity).id, p.query) },

    'device:requestCode': {
      allow: ['unpaired'],
      async run({ join }) {
        const code = await s.devices.requestCode();
        join(room.pairing(code.code));
        return code;
      },
    },
    'device:claim': {
      allow: TEACHERS,
      async run({ identity }, p) {
        // A code whose screen has gone would make a device nobody holds the token of.
        if (!(await push.isWaiting(p.code))) {
          throw new DomainError('not_found', 'That code is not on any screen now: check the screen for a new one.', [{ path: ['code'], message: 'no screen is showing it' }]);
        }
        const { device, token } = await s.devices.claim(schoolOf(identity).id, p);
        push.paired(p.code, { token, device });
        return device;
      },
    },
    'device:list': { allow: TEACHERS, run: ({ identity }) => s.devices.list(schoolOf(identity).id) },
    'device:revoke': {
      allow: TEACHERS,
      async run({ identity }, p) {
        await s.devices.revoke(schoolOf(identity).id, p.deviceId);
        push.deviceRevoked(p.deviceId);
        return null;
      },
    },
    'device:hello': {
      allow: ['poster', 'club'],
      run: async ({ identity }, p) => (await s.devices.seen(deviceOf(identity).id, p.appVersion), null),
    },

    'display:sync': {
      allow: ['poster'],
      run: ({ identity }) => s.planning.displayState(schoolOf(identity), deviceOf(identity).classIds),
    },

    'week:get': { allow: TEACHERS, run: ({ identity }, p) => s.planning.getWeek(schoolOf(identity).id, p.classId, p.weekStart) },
    'week:save': {
      allow: TEACHERS,
      async run({ identity }, p) {
        const school = schoolOf(identity);
        const week = await s.planning.saveWeek(school.id, p.classId, p.weekStart, p.days);
        await weekChanged(school, p.classId, p.weekStart);
        return week;
      },
    },
    'week:publish': publishing<'week:publish'>(true),
    'week:unpublish': publishing<'week:unpublish'>(false),
    'week:copyPrevious': {
      allow: TEACHERS,
      async run({ identity }, p) {
        const school = schoolOf(identity);
        const week = await s.planning.copyPreviousWeek(school.id, p.classId, p.weekStart);
        push.weekChanged(school.id, p.classId, p.weekStart);
        return week;
      },
    },
    'prompt:search': { allow: TEACHERS, run: ({ identity }, p) => s.planning.searchPast(schoolOf(identity).id, p.query) },

    'participation:log': {
      allow: ['club', ...STAFF],
      async run({ identity }, p) {
        const school = schoolOf(identity);
        const { report, stored } = await s.participation.log(school, loggerOf(identity), p.entries);
        if (stored.length) await push.participationChanged(school.id, stored, [], stored.map((e) => e.childId));
        return report;
      },
    },
    'participation:undo': {
      allow: ['club', ...STAFF],
      async run({ identity }, p) {
        const school = schoolOf(identity);
        const entry = await s.participation.undo(school, loggerOf(identity), p.id);
        await push.participationChanged(school.id, [], [entry.id], [entry.childId]);
        return null;
      },
    },
    'participation:grid': { allow: TEACHERS, run: ({ identity }, p) => s.participation.grid(schoolOf(identity), p.classId, p.weekStart) },
    'participation:notes': { allow: TEACHERS, run: ({ identity }, p) => s.participation.notes(schoolOf(identity), p.classId, p.from, p.to, p.tag) },
    'participation:notReached': { allow: TEACHERS, run: ({ identity }, p) => s.participation.notReached(schoolOf(identity), p.classId, p.date) },
    'participation:summary': {
      allow: ADMIN,
      async run({ identity }, p) {
        return s.participation.summary(schoolOf(identity), p.weekStart);
      },
    },
  };
}
