/**
 * A clearly labelled demo school for a newcomer's first start: three classes, thirty
 * invented children (some needing a partner), a club, and this week's plan built from
 * the seven example themes of the design.
 */
import { addDays, isSchoolDay, localDate, schoolDays, weekStart } from '../shared/calendar.ts';
import type { Child, PromptDraft, School, SchoolClass } from '../shared/schemas.ts';
import type { Clock } from './clock.ts';
import { newId } from './ids.ts';
import type { Storage } from './storage/storage.ts';

type Theme = Omit<PromptDraft, 'date'>;

const THEMES: Theme[] = [
  {
    subject: 'science', theme: 'life-cycle stages', kind: 'verbal', minutes: 10,
    prompt: "As you've been learning about life-cycles today, could you teach me what each of the stages are?",
    support: 'A butterfly: egg, caterpillar (larva), chrysalis (pupa), adult. A frog: frogspawn, tadpole, froglet, frog. A chicken: egg, chick, adult.',
    extensions: ['How do you know which stage comes first?', 'What if a caterpillar never made a chrysalis?'],
  },
  {
    subject: 'maths', theme: '2D shapes and their properties', kind: 'practical', minutes: 10,
    prompt: 'Can you find three 2D shapes in our kitchen and tell me how many sides and corners each one has?',
    support: 'Triangle: 3 sides, 3 corners. Square: 4 equal sides, 4 right-angle corners. Rectangle: 4 sides, opposite sides equal. Circle: 1 curved side, no corners.',
    extensions: ['Is a square a kind of rectangle? How do you know?', 'What if a shape had no straight sides at all?'],
  },
  {
    subject: 'music', theme: 'repeating patterns', kind: 'practical', minutes: 5,
    prompt: 'Can you clap me the repeating pattern we learned today, and then teach me how to join in?',
    support: 'A pattern like clap-clap-stamp, clap-clap-stamp repeats. Try saying it as words: "ta ta ti-ti ta".',
    extensions: ['What if we changed one beat: is it still the same pattern?', 'Where else do you hear patterns that repeat?'],
  },
  {
    subject: 'English', theme: 'famous poems', kind: 'verbal', minutes: 10,
    prompt: 'Could you tell me about the poem we read today and say your favourite line out loud?',
    support: "Ask: who wrote it, what is it about, does it rhyme? Today's poems included 'The Owl and the Pussy-cat' by Edward Lear.",
    extensions: ['Why do you think the poet chose those words?', 'How would the poem feel if it did not rhyme?'],
  },
  {
    subject: 'PE', theme: 'points of contact when balancing', kind: 'practical', minutes: 5,
    prompt: 'Can you show me a balance on three points of contact, then on two, and explain which is harder?',
    support: 'Points of contact are the parts of the body touching the floor: two feet and one hand is three points. Fewer points usually means harder.',
    extensions: ['What if you balanced on one point: how do you keep still?', 'How do you know which balance is the most stable?'],
  },
  {
    subject: 'computing', theme: 'sequential thinking', kind: 'verbal', minutes: 10,
    prompt: 'Could you tell me, step by step, how to make a sandwich, as if I were a robot that only follows exact instructions?',
    support: 'An algorithm is a list of steps in the right order. Try following the steps exactly as said: it is fun when a step is missing!',
    extensions: ['What happens if two steps swap places?', 'How do you know your instructions are complete?'],
  },
  {
    subject: 'history', theme: 'what the Romans did for us', kind: 'verbal', minutes: 10,
    prompt: 'What did the Romans do for us? Could you teach me three things we still use today?',
    support: 'Roads that run straight, central heating (hypocausts), aqueducts and plumbing, towns like Londinium (London), the calendar, and many words.',
    extensions: ['Which do you think mattered most, and why?', 'What if the Romans had never come to Britain?'],
  },
];

const CLASSES: { name: string; yearGroup: number; themes: number[] }[] = [
  { name: 'Oak', yearGroup: 1, themes: [0, 1, 2, 4, 3] },
  { name: 'Willow', yearGroup: 3, themes: [0, 1, 3, 4, 5] },
  { name: 'Rowan', yearGroup: 6, themes: [6, 1, 2, 5, 3] },
];

const FIRST_NAMES = [
  'Amira', 'Ben', 'Chloe', 'Dev', 'Ella', 'Finn', 'Grace', 'Hassan', 'Isla', 'Jack',
  'Kasia', 'Leo', 'Maya', 'Noah', 'Olu', 'Priya', 'Quinn', 'Ruby', 'Sami', 'Tom',
  'Uma', 'Vic', 'Wren', 'Xander', 'Yusuf', 'Zara', 'Alfie', 'Bea', 'Cal', 'Dara',
];

/**
 * Plans and publishes the current school week (next week's at a weekend) for every demo
 * class that has nothing planned in it, so a demo started again weeks later still shows prompts.
 */
export async function ensureDemoPlan(storage: Storage, school: School, clock: Clock): Promise<void> {
  const today = localDate(clock.now(), school.timeZone);
  const days = schoolDays(weekStart(isSchoolDay(today) ? today : addDays(today, 2)));
  const classes = await storage.classes.list(school.id);
  for (const c of CLASSES) {
    const cls = classes.find((k) => k.name === c.name);
    if (!cls || (await storage.prompts.listRange(school.id, [cls.id], days[0]!, days[4]!)).length > 0) continue;
    const drafts = c.themes.map((t, d) => ({ ...THEMES[t]!, date: days[d]! }));
    await storage.prompts.saveDays(school.id, cls.id, drafts, [], clock.now());
    await storage.prompts.setStatus(school.id, cls.id, days, 'published', clock.now());
  }
}

/** Fills an empty school with the demo. Returns the demo admin's id. */
export async function seedDemoSchool(storage: Storage, school: School, clock: Clock): Promise<string> {
  const classes: SchoolClass[] = CLASSES.map((c) => ({ id: newId(), schoolId: school.id, name: c.name, yearGroup: c.yearGroup }));
  for (const c of classes) await storage.classes.create(c);

  const children: Child[] = FIRST_NAMES.map((first, i) => {
    const cls = classes[i % classes.length]!;
    return {
      id: newId(), schoolId: school.id, classId: cls.id, yearGroup: cls.yearGroup,
      displayName: `${first} ${String.fromCharCode(65 + ((i * 7) % 26))}.`,
      needsPartner: i % 5 === 0,
    };
  });
  await storage.children.createMany(children);

  const club = { id: newId(), schoolId: school.id, name: 'After-school club' };
  await storage.clubs.create(school.id, club);
  await storage.clubs.addMembers(school.id, club.id, children.filter((c) => c.needsPartner).map((c) => c.id));

  await ensureDemoPlan(storage, school, clock);

  const adminId = newId();
  await storage.staff.create({
    id: adminId, schoolId: school.id, name: 'Demo Admin', email: 'demo-admin@demo.invalid',
    role: 'admin', classIds: [], passwordHash: null,
  });
  return adminId;
}
