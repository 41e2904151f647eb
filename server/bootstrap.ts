/**
 * First start: make the school (the demo, or an empty one) and print the one link a
 * person needs next. Nothing ships with a password: an empty school gets a one-time
 * setup link for its first admin; the demo gets a one-time login link for its admin.
 */
import type { School } from '../shared/schemas.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';
import { ensureDemoPlan, seedDemoSchool } from './demo-school.ts';
import { newId } from './ids.ts';
import type { IdentityService } from './services/identity.ts';
import type { Storage } from './storage/storage.ts';

export interface BootstrapResult {
  school: School;
  /** What to print: the setup link or the demo login link, if any. */
  link: { kind: 'setup' | 'demo-login'; url: string } | null;
}

export async function bootstrap(
  storage: Storage, identity: IdentityService, clock: Clock, config: Config, baseUrl: string,
): Promise<BootstrapResult> {
  let [school] = await storage.schools.list();
  if (!school) {
    school = {
      id: newId(),
      name: config.emptySchool ? config.schoolName : 'Demo Primary School (demo data)',
      timeZone: config.timeZone, pickupStart: '14:45', pickupEnd: '15:45', isDemo: !config.emptySchool,
    };
    await storage.schools.create(school);
    if (school.isDemo) await seedDemoSchool(storage, school, clock);
  }
  if (school.isDemo) await ensureDemoPlan(storage, school, clock);
  const staff = await storage.staff.list(school.id);
  const admin = staff.find((s) => s.role === 'admin');
  if (!admin) {
    const token = await identity.issueLink(school.id, 'setup', null);
    return { school, link: { kind: 'setup', url: `${baseUrl}/link#${token}` } };
  }
  if (school.isDemo) {
    const token = await identity.issueLink(school.id, 'login', admin.id);
    return { school, link: { kind: 'demo-login', url: `${baseUrl}/link#${token}` } };
  }
  return { school, link: null };
}
