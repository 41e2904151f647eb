/**
 * The participation log: who had a conversation, how, and what the short note says.
 * Writes are idempotent by the client's id, committed before the caller acks.
 */
import { addDays, localDate, previousSchoolDays, schoolDays, weekStart } from '../../shared/calendar.ts';
import type { LogReport, NotReached, ParticipationGrid, SchoolSummaryRow } from '../../shared/events.ts';
import { DomainError } from '../../shared/result.ts';
import type { Child, Participation, ParticipationEntry, School, Tag } from '../../shared/schemas.ts';
import type { Clock } from '../clock.ts';
import type { Storage } from '../storage/storage.ts';

/** How far back a tablet that was offline for a while may still log. */
export const LOG_BACKDATE_DAYS = 14;

/** Who is logging: a club tablet (its club's children only) or a member of staff. */
export type Logger =
  | { kind: 'club'; clubId: string; label: string }
  | { kind: 'staff'; name: string; role: 'admin' | 'teacher' | 'staff' };

export class ParticipationService {
  constructor(private readonly storage: Storage, private readonly clock: Clock) {}

  /** Stores what it can; every refused entry says why, so the tablet stops retrying it. */
  async log(school: School, logger: Logger, entries: ParticipationEntry[]): Promise<{ report: LogReport; stored: Participation[] }> {
    const today = localDate(this.clock.now(), school.timeZone);
    const earliest = addDays(today, -LOG_BACKDATE_DAYS);
    const ids = [...new Set(entries.flatMap((e) => [e.childId, ...e.partnerChildIds]))];
    const children = new Map((await this.storage.children.getMany(school.id, ids)).map((c) => [c.id, c]));
    const members = logger.kind === 'club'
      ? new Set((await this.storage.clubs.members(school.id, logger.clubId)).map((c) => c.id))
      : null;

    const refused: LogReport['refused'] = [];
    const rows: Participation[] = [];
    for (const e of entries) {
      const child = children.get(e.childId);
      const reason =
        !child ? 'That child is not in this school.'
        : members && !members.has(e.childId) ? 'That child is not on this club\'s list.'
        : e.partnerChildIds.some((id) => !children.has(id)) ? 'A partner is not in this school.'
        : e.date > today ? 'That date is in the future.'
        : e.date < earliest ? `Logs older than ${LOG_BACKDATE_DAYS} days are not taken.`
        : logger.kind === 'club' && e.mode === 'home' ? 'A club tablet logs peer or staff conversations only.'
        : e.mode === 'peer' && e.partnerChildIds.length === 0 ? 'A peer conversation needs its partner.'
        : e.mode === 'staff' && !e.staffName ? 'Say which member of staff ran it.'
        : null;
      if (reason || !child) {
        refused.push({ id: e.id, code: child ? 'invalid' : 'forbidden', message: reason ?? 'refused' });
        continue;
      }
      rows.push({
        ...e, schoolId: school.id, classId: child.classId, createdAt: this.clock.now(),
        loggedBy: logger.kind === 'club' ? `tablet: ${logger.label}` : logger.name,
      });
    }
    const inserted = new Set(await this.storage.participation.insert(rows));
    return {
      report: { accepted: rows.map((r) => r.id), refused },
      stored: rows.filter((r) => inserted.has(r.id)),
    };
  }

  /** Undoes an entry; a club tablet may undo only what a club tablet logged for its own club's children. */
  async undo(school: School, logger: Logger, id: string): Promise<Participation> {
    const entry = await this.storage.participation.get(school.id, id);
    if (!entry) throw new DomainError('not_found', 'Nothing to undo: that log is not stored.');
    if (logger.kind === 'club') {
      const members = await this.storage.clubs.members(school.id, logger.clubId);
      if (!members.some((c) => c.id === entry.childId)) throw new DomainError('forbidden', 'That log is not for this club.');
      if (entry.mode === 'home' || !entry.loggedBy.startsWith('tablet: ')) {
        throw new DomainError('forbidden', 'Only the teacher can change what the class records.');
      }
    }
    await this.storage.participation.remove(school.id, id, this.clock.now());
    return entry;
  }

  /** A class of another school is refused here, for every view of a class's log. */
  private async requireClass(school: School, classId: string): Promise<void> {
    if (!(await this.storage.classes.get(school.id, classId))) {
      throw new DomainError('forbidden', 'That class is not in your school.', [{ path: ['classId'], message: 'not in your school' }]);
    }
  }

  async grid(school: School, classId: string, start: string): Promise<ParticipationGrid> {
    await this.requireClass(school, classId);
    const dates = schoolDays(start);
    const [children, entries, prompts] = await Promise.all([
      this.storage.children.listByClass(school.id, classId),
      this.storage.participation.listByClass(school.id, classId, dates[0]!, dates[4]!),
      this.storage.prompts.listRange(school.id, [classId], dates[0]!, dates[4]!),
    ]);
    return { classId, weekStart: start, dates, children, entries, prompts };
  }

  async notes(school: School, classId: string, from: string, to: string, tag?: Tag): Promise<Participation[]> {
    await this.requireClass(school, classId);
    const entries = await this.storage.participation.listByClass(school.id, classId, from, to);
    return entries
      .filter((e) => (tag ? e.tags.includes(tag) : e.note !== '' || e.tags.length > 0))
      .sort((a, b) => (a.date === b.date ? b.createdAt - a.createdAt : a.date < b.date ? 1 : -1));
  }

  /** Children with no conversation this week so far, and none in the last five school days. */
  async notReached(school: School, classId: string, date: string): Promise<NotReached> {
    await this.requireClass(school, classId);
    const children = await this.storage.children.listByClass(school.id, classId);
    const lastFive = previousSchoolDays(date, 5);
    const from = lastFive[0]! < weekStart(date) ? lastFive[0]! : weekStart(date);
    const entries = await this.storage.participation.listByClass(school.id, classId, from, date);
    const without = (since: string): Child[] => {
      const reached = new Set(entries.filter((e) => e.date >= since).map((e) => e.childId));
      return children.filter((c) => !reached.has(c.id));
    };
    return { date, thisWeek: without(weekStart(date)), lastFiveSchoolDays: without(lastFive[0]!) };
  }

  async summary(school: School, start: string): Promise<SchoolSummaryRow[]> {
    const dates = schoolDays(start);
    const [classes, children, entries] = await Promise.all([
      this.storage.classes.list(school.id),
      this.storage.children.listBySchool(school.id),
      this.storage.participation.listBySchool(school.id, dates[0]!, dates[4]!),
    ]);
    return classes.map((c) => {
      const mine = entries.filter((e) => e.classId === c.id);
      const count = (mode: Participation['mode']) => mine.filter((e) => e.mode === mode).length;
      return {
        classId: c.id, className: c.name,
        children: children.filter((k) => k.classId === c.id).length,
        home: count('home'), peer: count('peer'), staff: count('staff'),
        reached: new Set(mine.map((e) => e.childId)).size,
      };
    });
  }

  async exportRows(school: School, classId: string | null, from: string, to: string) {
    const entries = classId
      ? await this.storage.participation.listByClass(school.id, classId, from, to)
      : await this.storage.participation.listBySchool(school.id, from, to);
    const [children, classes, prompts] = await Promise.all([
      this.storage.children.listBySchool(school.id),
      this.storage.classes.list(school.id),
      this.storage.prompts.listRange(school.id, (await this.storage.classes.list(school.id)).map((c) => c.id), from, to),
    ]);
    const childName = new Map(children.map((c) => [c.id, c.displayName]));
    const className = new Map(classes.map((c) => [c.id, c.name]));
    const theme = new Map(prompts.map((p) => [`${p.classId}|${p.date}`, p.theme]));
    return entries.map((e) => [
      childName.get(e.childId) ?? '', className.get(e.classId) ?? '', e.date, theme.get(`${e.classId}|${e.date}`) ?? '',
      e.mode, e.mode === 'peer' ? e.partnerChildIds.map((id) => childName.get(id) ?? '').join(' & ') : e.staffName,
      e.tags.join('; '), e.note,
    ]);
  }
}

/** What a club tablet may see of an entry: a note or tags from home (the Reading Diary) stay with the teacher. */
export const forClubTablet = (e: Participation): Participation => (e.mode === 'home' ? { ...e, note: '', tags: [] } : e);

export const EXPORT_HEADER = ['child', 'class', 'date', 'theme', 'mode', 'partner or staff', 'tags', 'note'];
