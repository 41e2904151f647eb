/**
 * Room names and the only ways the server pushes to them. Displays join `class:` and
 * `device:` rooms only, and nothing that carries a child is ever sent to a `class:` room:
 * that is how "a poster never receives child data" is kept, and test/integration
 * checks it on the wire.
 */
import type { Server } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '../../shared/events.ts';
import type { Device, Participation, School } from '../../shared/schemas.ts';
import type { Clock } from '../clock.ts';
import { forClubTablet } from '../services/participation.ts';
import type { PlanningService } from '../services/planning.ts';
import type { Storage } from '../storage/storage.ts';

export type AppServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const room = {
  /** Poster screens of a class: prompts only. */
  classDisplays: (classId: string) => `class:${classId}`,
  /** Signed-in staff of a school: may carry children's names. */
  schoolStaff: (schoolId: string) => `school:${schoolId}`,
  /** Club tablets of a club: that club's children only. */
  club: (clubId: string) => `club:${clubId}`,
  device: (deviceId: string) => `device:${deviceId}`,
  /** Every screen and tablet of a school: nothing is sent here, it is only closed (to resync) after a school change. */
  schoolDevices: (schoolId: string) => `devices:${schoolId}`,
  staffMember: (staffId: string) => `staff:${staffId}`,
  session: (sessionHash: string) => `session:${sessionHash}`,
  pairing: (code: string) => `pairing:${code}`,
};

export class Broadcaster {
  constructor(
    private readonly io: AppServer,
    private readonly storage: Storage,
    private readonly planning: PlanningService,
    private readonly clock: Clock,
  ) {}

  /** A class's published prompts to its screens. */
  async classPrompts(school: School, classId: string): Promise<void> {
    const [cls] = await this.planning.displayClasses(school, [classId]);
    if (cls) this.io.to(room.classDisplays(classId)).emit('display:class', { cls, serverNow: this.clock.now() });
  }

  /** Every class of a school to its screens: at local midnight, so screens and server agree on the day. */
  async allClassPrompts(school: School): Promise<void> {
    const classes = await this.storage.classes.list(school.id);
    for (const c of await this.planning.displayClasses(school, classes.map((k) => k.id))) {
      this.io.to(room.classDisplays(c.id)).emit('display:class', { cls: c, serverNow: this.clock.now() });
    }
  }

  weekChanged(schoolId: string, classId: string, weekStart: string): void {
    this.io.to(room.schoolStaff(schoolId)).emit('week:changed', { classId, weekStart });
  }

  /** To the school's staff and to the tablets of every club the children are in. */
  async participationChanged(schoolId: string, entries: Participation[], removedIds: string[], childIds: string[]): Promise<void> {
    const change = { entries, removedIds };
    this.io.to(room.schoolStaff(schoolId)).emit('participation:changed', change);
    const children = new Set(childIds);
    for (const club of await this.storage.clubs.list(schoolId)) {
      const members = await this.storage.clubs.members(schoolId, club.id);
      if (!members.some((m) => children.has(m.id))) continue;
      const mine = new Set(members.map((m) => m.id));
      this.io.to(room.club(club.id)).emit('participation:changed', {
        entries: entries.filter((e) => mine.has(e.childId)).map(forClubTablet),
        removedIds,
      });
    }
  }

  /** True while some device still shows this pairing code and waits for its token. */
  async isWaiting(code: string): Promise<boolean> {
    return (await this.io.in(room.pairing(code)).fetchSockets()).length > 0;
  }

  /** The token goes only to the socket that showed the code. */
  paired(code: string, paired: { token: string; device: Device }): void {
    this.io.to(room.pairing(code)).emit('device:paired', paired);
    this.io.in(room.pairing(code)).socketsLeave(room.pairing(code));
  }

  deviceRevoked(deviceId: string): void {
    this.io.to(room.device(deviceId)).emit('device:revoked');
    this.io.in(room.device(deviceId)).disconnectSockets(true);
  }

  /**
   * Drops the transport (not the socket), so clients reconnect by themselves at once and
   * resync. Local sockets only: with several processes this becomes an adapter broadcast.
   */
  reconnectRoom(name: string): void {
    for (const id of this.io.of('/').adapter.rooms.get(name) ?? []) this.io.of('/').sockets.get(id)?.conn.close();
  }

  disconnectRoom(name: string): void {
    this.io.in(name).disconnectSockets(true);
  }
}
