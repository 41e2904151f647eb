import { describe, expect, it } from 'vitest';
import type { PromptDraft } from '../../shared/schemas.ts';
import { mondayMessage, mondayMessageShort, smsSegments, toGsm, todayMessage } from '../../shared/week-messages.ts';

const cls = { name: 'Oak Class' };
const WEEK = '2026-11-30'; // a Monday

const p = (date: string, theme: string, prompt: string, extensions: string[] = []): PromptDraft => ({
  date,
  subject: 'science',
  theme,
  prompt,
  kind: 'verbal',
  minutes: 10,
  support: '',
  extensions,
});

const week: PromptDraft[] = [
  p('2026-12-02', 'Fractions', 'What is half of 12? How do you know?'),
  p('2026-11-30', 'Life-cycles', "As you've been learning about life-cycles today, could you teach me the stages?"),
  p('2026-12-04', 'The Romans', 'What did the Romans leave behind in Britain?'),
  p('2026-12-07', 'Next week', 'Not this week.'),
];

describe('mondayMessage', () => {
  const text = mondayMessage(cls, WEEK, week);
  const lines = text.split('\n');

  it('starts with the class and the week', () => {
    expect(lines[0]).toBe('Oak Class');
    expect(lines[1]).toBe('Week of Monday 30 November 2026');
  });

  it('has one line per day with a prompt, in date order, and only this week', () => {
    const days = lines.filter((l) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun): /.test(l));
    expect(days).toEqual([
      "Mon: Life-cycles — As you've been learning about life-cycles today, could you teach me the stages?",
      'Wed: Fractions — What is half of 12? How do you know?',
      'Fri: The Romans — What did the Romans leave behind in Britain?',
    ]);
    expect(text).not.toContain('Next week');
  });

  it('closes by saying it is a ten-minute chat with nothing to write or mark', () => {
    const last = lines.at(-1) ?? '';
    expect(last).toMatch(/ten-minute chat/);
    expect(last).toMatch(/nothing to write/);
    expect(last).toMatch(/marked/);
    expect(text).not.toMatch(/<[a-z]/i);
  });

  it('says so when nothing is planned', () => {
    expect(mondayMessage(cls, WEEK, [])).toContain('No learning conversations this week.');
  });
});

describe('smsSegments', () => {
  it('counts GSM-7 text: 160 in one, then 153 a segment', () => {
    expect(smsSegments('')).toBe(0);
    expect(smsSegments('a'.repeat(160))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
    expect(smsSegments('a'.repeat(306))).toBe(2);
    expect(smsSegments('a'.repeat(307))).toBe(3);
    expect(smsSegments('é£@Ñ'.repeat(40))).toBe(1); // all in the basic set
  });

  it('counts extension characters twice', () => {
    expect(smsSegments(`${'a'.repeat(158)}[`)).toBe(1);
    expect(smsSegments(`${'a'.repeat(159)}€`)).toBe(2);
    expect(smsSegments('{}'.repeat(40))).toBe(1);
    expect(smsSegments('{}'.repeat(41))).toBe(2);
    // An escape pair is never split, so 152 + '€' starts a third segment.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(153)}`)).toBe(3);
  });

  it('counts UCS-2 text: 70 in one, then 67 a segment', () => {
    expect(smsSegments('—'.repeat(70))).toBe(1);
    expect(smsSegments('—'.repeat(71))).toBe(2);
    expect(smsSegments(`${'a'.repeat(69)}’`)).toBe(1);
    expect(smsSegments(`${'a'.repeat(70)}’`)).toBe(2);
    expect(smsSegments('😀'.repeat(35))).toBe(1); // two UTF-16 units each
    expect(smsSegments('😀'.repeat(36))).toBe(2);
  });
});

describe('toGsm', () => {
  it('turns word-processor typography into GSM-7', () => {
    expect(toGsm('“Life‑cycles” — it’s… fun')).toBe('"Life-cycles" - it\'s... fun');
    expect(toGsm('Café, Ångström, São Paulo 🌱')).toBe('Café, Ångström, Sao Paulo ');
  });
});

describe('mondayMessageShort', () => {
  const longWeek: PromptDraft[] = [
    'How the life-cycles of butterflies, frogs and chickens are alike and how they’re different from each other',
    'Adding fractions with different denominators — using common multiples and drawing bar models to check',
    'The Romans in Britain: roads, towns, baths, Hadrian’s Wall and what they left behind for us today',
    '“Persuasive language” in adverts, letters and speeches — how writers choose words to convince readers',
    'Forces and magnets: which materials are magnetic, how poles attract and repel, and how compasses work',
  ].map((theme, i) => p(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'][i]!, theme, 'Tell me about it?'));

  it('uses the class, the week and the theme of each day', () => {
    const text = mondayMessageShort(cls, WEEK, week);
    expect(text.split('\n')).toEqual([
      'Oak Class: Week of Monday 30 November 2026',
      'Mon Life-cycles',
      'Wed Fractions',
      'Fri The Romans',
      '10-minute chats: nothing to write, no marking.',
    ]);
    expect(smsSegments(text)).toBe(1);
  });

  it('fits a week of five long themes in three segments, in GSM-7', () => {
    const text = mondayMessageShort({ name: 'Class 4 – Mrs O’Brien’s Kingfishers' }, WEEK, longWeek);
    expect(smsSegments(text)).toBeLessThanOrEqual(3);
    expect(smsSegments(text)).toBe(smsSegments(text.replace(/[^\n]/g, 'a'))); // nothing forced UCS-2
    expect(text).not.toMatch(/[—–’“”…]/);
    const lines = text.split('\n');
    expect(lines[0]).toBe("Class 4 - Mrs O'Brien's Kingfishers: Week of Monday 30 November 2026");
    expect(lines.slice(1, 6).map((l) => l.slice(0, 4))).toEqual(['Mon ', 'Tue ', 'Wed ', 'Thu ', 'Fri ']);
    expect(lines.some((l) => l.endsWith('...'))).toBe(true);
    expect(lines.at(-1)).toBe('10-minute chats: nothing to write, no marking.');
  });

  it('cuts an over-long class name rather than the days', () => {
    const text = mondayMessageShort({ name: '€'.repeat(300) }, WEEK, longWeek);
    expect(smsSegments(text)).toBeLessThanOrEqual(3);
    expect(text).toMatch(/^€{57}\.\.\.: Week of/);
    expect(text).toMatch(/\nFri .*\n10-minute chats/);
  });

  it('stays within three segments however many prompts it is given', () => {
    const crowded = Array.from({ length: 40 }, (_, i) => p('2026-12-01', `Theme number ${i}`, 'Why?'));
    expect(smsSegments(mondayMessageShort(cls, WEEK, crowded))).toBeLessThanOrEqual(3);
  });
});

describe('todayMessage', () => {
  it('gives the class, the theme, the prompt and one extension', () => {
    const prompt = p('2026-12-01', 'Life-cycles', 'Could you teach me what each of the stages are?', ['', 'How do you know?', 'What if…?']);
    expect(todayMessage(cls, prompt).split('\n')).toEqual([
      'Oak Class',
      'Today we learned about life-cycles.',
      'Could you teach me what each of the stages are?',
      'Going further: How do you know?',
    ]);
  });

  it('keeps a name capitalised and leaves out a missing extension', () => {
    const text = todayMessage(cls, p('2026-12-01', 'Romans.', 'What did the Romans build?'));
    expect(text).toBe('Oak Class\nToday we learned about Romans.\nWhat did the Romans build?');
  });
});
