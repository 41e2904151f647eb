/**
 * A school for the club tablet tests, written straight to storage: four classes from Reception
 * to Year 6 with today's prompts published, a club whose children need a partner, one child
 * outside the club (to find by search), a teacher with a live session and a paired club tablet.
 */
import { localDate } from '../../shared/calendar.ts';
import type { Child, Club, School, SchoolClass } from '../../shared/schemas.ts';
import { hashSecret, newId, newSecret } from '../../server/ids.ts';
import type { Storage } from '../../server/storage/storage.ts';

export interface ClubSeed {
  school: School;
  classes: SchoolClass[];
  children: Child[];
  /** Not in the club: staff add them from the school list. */
  visitor: Child;
  club: Club;
  otherClub: Club;
  /** In the other club only. */
  otherClubChild: Child;
  today: string;
  teacherCookie: string;
  tabletToken: string;
}

const CLASSES: [string, number, string, string][] = [
  ['Rowan', 6, 'science', 'As you have been learning about life cycles today, could you teach me the stages of a frog\'s life?'],
  ['Ash', 4, 'maths', 'Tell me what makes a shape a quadrilateral, and find three around us.'],
  ['Oak', 1, 'music', 'Clap me the repeating pattern we learned today, then make up your own.'],
  ['Acorn', 0, 'English', 'Say the rhyme we learned today and tell me your favourite line.'],
];

export async function seedClubSchool(storage: Storage, now = Date.now()): Promise<ClubSeed> {
  const school: School = { id: newId(), name: 'Club Test Primary', timeZone: 'Europe/London', pickupStart: '14:45', pickupEnd: '15:45', isDemo: false };
  await storage.schools.create(school);
  const today = localDate(now, school.timeZone);
  const classes: SchoolClass[] = [];
  for (const [name, yearGroup, subject, prompt] of CLASSES) {
    const cls: SchoolClass = { id: newId(), schoolId: school.id, name, yearGroup };
    classes.push(cls);
    await storage.classes.create(cls);
    await storage.prompts.saveDays(school.id, cls.id, [{
      date: today, subject, theme: `${subject} today`, prompt, kind: 'verbal', minutes: 10,
      support: `Answers for the adult: the ${subject} facts from today.`, extensions: ['How do you know?', 'What if it were different?'],
    }], [], now);
    await storage.prompts.setStatus(school.id, cls.id, [today], 'published', now);
  }
  const child = (displayName: string, cls: SchoolClass, needsPartner = true): Child =>
    ({ id: newId(), schoolId: school.id, classId: cls.id, displayName, yearGroup: cls.yearGroup, needsPartner });
  const [rowan, ash, oak, acorn] = classes as [SchoolClass, SchoolClass, SchoolClass, SchoolClass];
  const children = [child('Amira K.', rowan), child('Ben T.', oak), child('Chloe S.', ash), child('Dev P.', acorn)];
  const visitor = child('Eli W.', rowan, false);
  const otherClubChild = child('Fay G.', oak);
  await storage.children.createMany([...children, visitor, otherClubChild]);

  const club: Club = { id: newId(), schoolId: school.id, name: 'After-school club' };
  const otherClub: Club = { id: newId(), schoolId: school.id, name: 'Breakfast club' };
  await storage.clubs.create(school.id, club);
  await storage.clubs.create(school.id, otherClub);
  await storage.clubs.addMembers(school.id, club.id, children.map((c) => c.id));
  await storage.clubs.addMembers(school.id, otherClub.id, [otherClubChild.id]);

  const teacher = { id: newId(), schoolId: school.id, name: 'Ms Teacher', email: `${newId().toLowerCase()}@school.test`, role: 'teacher' as const, classIds: [], passwordHash: null };
  await storage.staff.create(teacher);
  const sessionId = newSecret();
  await storage.sessions.create({ idHash: hashSecret(sessionId), staffId: teacher.id, schoolId: school.id, expiresAt: now + 86_400_000 });

  const tabletToken = newSecret();
  await storage.devices.create({
    id: newId(), schoolId: school.id, kind: 'club', label: 'Hall tablet', classIds: [], clubId: club.id,
    createdAt: now, lastSeenAt: null, appVersion: null, revokedAt: null, tokenHash: hashSecret(tabletToken),
  });

  return {
    school, classes, children, visitor, club, otherClub, otherClubChild, today,
    teacherCookie: `lc_session=${encodeURIComponent(sessionId)}`, tabletToken,
  };
}
