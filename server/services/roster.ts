/** Classes and children: the least a school must tell us, and a CSV import of it. */
import type { RosterImportReport } from '../../shared/events.ts';
import { DomainError } from '../../shared/result.ts';
import type { Child, SchoolClass } from '../../shared/schemas.ts';
import { newId } from '../ids.ts';
import type { Storage } from '../storage/storage.ts';
import { parseRosterCsv } from './roster-csv.ts';

export class RosterService {
  constructor(private readonly storage: Storage) {}

  listClasses(schoolId: string): Promise<SchoolClass[]> {
    return this.storage.classes.list(schoolId);
  }

  async createClass(schoolId: string, input: { name: string; yearGroup: number }): Promise<SchoolClass> {
    const existing = await this.storage.classes.list(schoolId);
    if (existing.some((c) => c.name.toLowerCase() === input.name.toLowerCase())) {
      throw new DomainError('conflict', `There is already a class called ${input.name}.`, [{ path: ['name'], message: 'already taken' }]);
    }
    const cls: SchoolClass = { id: newId(), schoolId, ...input };
    await this.storage.classes.create(cls);
    return cls;
  }

  async requireClass(schoolId: string, classId: string, path: (string | number)[] = ['classId']): Promise<SchoolClass> {
    const cls = await this.storage.classes.get(schoolId, classId);
    if (!cls) throw new DomainError('forbidden', 'That class is not in your school.', [{ path, message: 'not in your school' }]);
    return cls;
  }

  async requireChild(schoolId: string, childId: string, path: (string | number)[] = ['childId']): Promise<Child> {
    const child = await this.storage.children.get(schoolId, childId);
    if (!child) throw new DomainError('forbidden', 'That child is not in your school.', [{ path, message: 'not in your school' }]);
    return child;
  }

  async listChildren(schoolId: string, classId: string): Promise<Child[]> {
    await this.requireClass(schoolId, classId);
    return this.storage.children.listByClass(schoolId, classId);
  }

  async createChild(schoolId: string, input: { classId: string; displayName: string; needsPartner: boolean }): Promise<Child> {
    const cls = await this.requireClass(schoolId, input.classId);
    const child: Child = { id: newId(), schoolId, classId: cls.id, displayName: input.displayName, yearGroup: cls.yearGroup, needsPartner: input.needsPartner };
    await this.storage.children.createMany([child]);
    return child;
  }

  async updateChild(schoolId: string, input: { childId: string; displayName?: string | undefined; needsPartner?: boolean | undefined; classId?: string | undefined }): Promise<Child> {
    const child = await this.requireChild(schoolId, input.childId);
    const cls = await this.requireClass(schoolId, input.classId ?? child.classId);
    const next: Child = {
      ...child,
      classId: cls.id,
      yearGroup: cls.yearGroup,
      displayName: input.displayName ?? child.displayName,
      needsPartner: input.needsPartner ?? child.needsPartner,
    };
    await this.storage.children.update(next);
    return next;
  }

  async removeChild(schoolId: string, childId: string): Promise<void> {
    if (!(await this.storage.children.remove(schoolId, childId))) throw new DomainError('not_found', 'No such child in your school.');
  }

  /**
   * All or nothing: one bad row and nothing is stored, with every bad row reported.
   * A child already in that class is skipped and listed, so importing the year's file
   * again adds only the newcomers.
   */
  async importCsv(schoolId: string, csv: string, dryRun: boolean): Promise<RosterImportReport> {
    const classes = await this.storage.classes.list(schoolId);
    const { rows, errors } = parseRosterCsv(csv, classes);
    const onRoll = new Set((await this.storage.children.listBySchool(schoolId)).map((c) => `${c.classId}|${c.displayName.toLowerCase()}`));
    const isNew = (r: (typeof rows)[number]) => !onRoll.has(`${r.classId}|${r.displayName.toLowerCase()}`);
    const className = new Map(classes.map((c) => [c.id, c.name]));
    const skipped = rows.filter((r) => !isNew(r)).map((r) => ({ line: r.line, reason: `${r.displayName} is already in ${className.get(r.classId) ?? 'that class'}` }));
    const fresh = rows.filter(isNew);
    if (errors.length > 0 || dryRun) return { created: errors.length > 0 ? 0 : fresh.length, errors, skipped };
    const children: Child[] = fresh.map((r) => ({
      id: newId(), schoolId, classId: r.classId, displayName: r.displayName, yearGroup: r.yearGroup, needsPartner: r.needsPartner,
    }));
    await this.storage.children.createMany(children);
    return { created: children.length, errors: [], skipped };
  }
}
