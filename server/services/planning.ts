/**
 * The week planner: drafts, publishing, copying last week, finding past prompts, and
 * the prompt-only view of it that poster screens receive.
 */
import { addDays, isMonday, localDate, schoolDays, weekStart } from '../../shared/calendar.ts';
import { checkPrompt } from '../../shared/prompt-rules.ts';
import { DomainError, type IssueAt } from '../../shared/result.ts';
import type { DisplayClass, DisplayPrompt, DisplayState, Prompt, PromptDraft, School, Week } from '../../shared/schemas.ts';
import type { Clock } from '../clock.ts';
import type { Storage } from '../storage/storage.ts';

/** Prompt-only: the type a display receives has no field that could carry a child. */
export const toDisplayPrompt = ({ classId: _c, status: _s, ...p }: Prompt): DisplayPrompt => p;

export class PlanningService {
  constructor(private readonly storage: Storage, private readonly clock: Clock) {}

  private async classOf(schoolId: string, classId: string) {
    const cls = await this.storage.classes.get(schoolId, classId);
    if (!cls) throw new DomainError('forbidden', 'That class is not in your school.', [{ path: ['classId'], message: 'not in your school' }]);
    return cls;
  }

  private static checkWeekStart(date: string): void {
    if (!isMonday(date)) throw new DomainError('invalid', 'A week starts on a Monday.', [{ path: ['weekStart'], message: 'not a Monday' }]);
  }

  async getWeek(schoolId: string, classId: string, start: string): Promise<Week> {
    PlanningService.checkWeekStart(start);
    await this.classOf(schoolId, classId);
    const days = await this.storage.prompts.listRange(schoolId, [classId], start, addDays(start, 4));
    return { classId, weekStart: start, days };
  }

  /** Replaces the week's plan with `drafts`; a published day that is edited stays published. */
  async saveWeek(schoolId: string, classId: string, start: string, drafts: PromptDraft[]): Promise<Week> {
    PlanningService.checkWeekStart(start);
    await this.classOf(schoolId, classId);
    const allowed = new Set(schoolDays(start));
    const issues: IssueAt[] = [];
    const seen = new Set<string>();
    drafts.forEach((d, i) => {
      if (!allowed.has(d.date)) issues.push({ path: ['days', i, 'date'], message: 'not a school day of this week' });
      if (seen.has(d.date)) issues.push({ path: ['days', i, 'date'], message: 'this day is planned twice' });
      seen.add(d.date);
      for (const e of checkPrompt(d).errors) issues.push({ path: ['days', i, e.field], message: e.message });
    });
    if (issues.length) throw new DomainError('invalid', 'Some days break the rules: see each one.', issues);
    const existing = await this.storage.prompts.listRange(schoolId, [classId], start, addDays(start, 4));
    const removed = existing.map((p) => p.date).filter((date) => !seen.has(date));
    await this.storage.prompts.saveDays(schoolId, classId, drafts, removed, this.clock.now());
    return this.getWeek(schoolId, classId, start);
  }

  async setPublished(schoolId: string, classId: string, start: string, date: string | undefined, published: boolean): Promise<Week> {
    const week = await this.getWeek(schoolId, classId, start);
    if (date !== undefined && !week.days.some((d) => d.date === date)) {
      throw new DomainError('not_found', 'Nothing is planned for that day yet.', [{ path: ['date'], message: 'no plan for this day' }]);
    }
    const dates = date === undefined ? week.days.map((d) => d.date) : [date];
    if (published) {
      const broken = week.days.filter((d) => dates.includes(d.date) && checkPrompt(d).errors.length > 0);
      if (broken.length) throw new DomainError('invalid', 'Fix the errors before publishing.', broken.map((d) => ({ path: ['days', d.date], message: 'has errors' })));
    }
    await this.storage.prompts.setStatus(schoolId, classId, dates, published ? 'published' : 'draft', this.clock.now());
    return this.getWeek(schoolId, classId, start);
  }

  /** Starts a week from the one before it, moved on seven days, as drafts. */
  async copyPreviousWeek(schoolId: string, classId: string, start: string): Promise<Week> {
    const target = await this.getWeek(schoolId, classId, start);
    if (target.days.length > 0) throw new DomainError('conflict', 'This week already has a plan; clear it first.');
    const previous = await this.getWeek(schoolId, classId, addDays(start, -7));
    if (previous.days.length === 0) throw new DomainError('not_found', 'Last week has no plan to copy.');
    const drafts = previous.days.map(({ classId: _c, status: _s, updatedAt: _u, ...d }) => ({ ...d, date: addDays(d.date, 7) }));
    await this.storage.prompts.saveDays(schoolId, classId, drafts, [], this.clock.now());
    return this.getWeek(schoolId, classId, start);
  }

  async searchPast(schoolId: string, query: string): Promise<Prompt[]> {
    return this.storage.prompts.search(schoolId, query, 20);
  }

  /** Published prompts from this Monday to next Friday, so a screen can roll over by itself. */
  async displayClasses(school: School, classIds: string[]): Promise<DisplayClass[]> {
    const from = weekStart(localDate(this.clock.now(), school.timeZone));
    const prompts = await this.storage.prompts.listRange(school.id, classIds, from, addDays(from, 11));
    const classes = (await this.storage.classes.list(school.id)).filter((c) => classIds.includes(c.id));
    return classes.map((c) => ({
      id: c.id, name: c.name, yearGroup: c.yearGroup,
      prompts: prompts.filter((p) => p.classId === c.id && p.status === 'published').map(toDisplayPrompt),
    }));
  }

  async displayState(school: School, classIds: string[]): Promise<DisplayState> {
    const { name, timeZone, pickupStart, pickupEnd } = school;
    return {
      school: { name, timeZone, pickupStart, pickupEnd },
      classes: await this.displayClasses(school, classIds),
      serverNow: this.clock.now(),
    };
  }
}
