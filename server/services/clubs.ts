/** Clubs (after-school, breakfast, playtime peers) and what a club tablet may see. */
import { localDate } from '../../shared/calendar.ts';
import type { ClubState } from '../../shared/events.ts';
import { DomainError } from '../../shared/result.ts';
import type { Child, Club, School } from '../../shared/schemas.ts';
import type { Clock } from '../clock.ts';
import { newId } from '../ids.ts';
import type { Storage } from '../storage/storage.ts';
import { forClubTablet } from './participation.ts';
import { toDisplayPrompt } from './planning.ts';

export class ClubService {
  constructor(private readonly storage: Storage, private readonly clock: Clock) {}

  list(schoolId: string): Promise<Club[]> {
    return this.storage.clubs.list(schoolId);
  }

  async create(schoolId: string, name: string): Promise<Club> {
    const club: Club = { id: newId(), schoolId, name };
    await this.storage.clubs.create(schoolId, club);
    return club;
  }

  async requireClub(schoolId: string, clubId: string): Promise<Club> {
    const club = await this.storage.clubs.get(schoolId, clubId);
    if (!club) throw new DomainError('forbidden', 'That club is not in your school.', [{ path: ['clubId'], message: 'not in your school' }]);
    return club;
  }

  async addChildren(schoolId: string, clubId: string, childIds: string[]): Promise<void> {
    await this.requireClub(schoolId, clubId);
    const found = new Set((await this.storage.children.getMany(schoolId, childIds)).map((c) => c.id));
    const bad = childIds.findIndex((id) => !found.has(id));
    if (bad >= 0) throw new DomainError('forbidden', 'That child is not in your school.', [{ path: ['childIds', bad], message: 'not in your school' }]);
    await this.storage.clubs.addMembers(schoolId, clubId, childIds);
  }

  async removeChild(schoolId: string, clubId: string, childId: string): Promise<void> {
    await this.requireClub(schoolId, clubId);
    await this.storage.clubs.removeMember(schoolId, clubId, childId);
  }

  /** A short search of the school list by display name, for adding a child to today's session. */
  search(schoolId: string, query: string): Promise<Child[]> {
    return this.storage.children.search(schoolId, query, 8);
  }

  /** Everything a club tablet needs for today: the roster, today's prompts, today's logs. */
  async state(school: School, clubId: string): Promise<ClubState> {
    const club = await this.requireClub(school.id, clubId);
    const children = await this.storage.clubs.members(school.id, clubId);
    const today = localDate(this.clock.now(), school.timeZone);
    const classIds = [...new Set(children.map((c) => c.classId))];
    const classes = (await this.storage.classes.list(school.id))
      .filter((c) => classIds.includes(c.id))
      .map(({ id, name, yearGroup }) => ({ id, name, yearGroup }));
    const prompts = await this.storage.prompts.listRange(school.id, classIds, today, today);
    const logs = (await this.storage.participation.listByChildren(school.id, children.map((c) => c.id), today, today)).map(forClubTablet);
    return {
      club, children, classes, today, logs, timeZone: school.timeZone, serverNow: this.clock.now(),
      prompts: Object.fromEntries(prompts.filter((p) => p.status === 'published').map((p) => [p.classId, toDisplayPrompt(p)])),
    };
  }
}
