import { describe, expect, it } from 'vitest';
import { PromptDraft } from '../../shared/schemas.ts';
import {
  EXTENSION_IDEAS,
  HOMEWORK_WORDS,
  MAX_MINUTES,
  MAX_SENTENCES,
  checkPrompt,
  countSentences,
  findHomeworkWords,
  isPublishable,
  teachMeOpeners,
  themeInSentence,
  type CheckedDraft,
} from '../../shared/prompt-rules.ts';

const draft = (over: Partial<CheckedDraft> = {}): CheckedDraft => ({
  subject: 'science',
  theme: 'life-cycles',
  prompt: "As you've been learning about life-cycles today, could you teach me what each of the stages are?",
  kind: 'verbal',
  minutes: 10,
  support: 'Egg, caterpillar, chrysalis, butterfly.',
  extensions: ['How do you know?'],
  ...over,
});

const codes = (issues: { code: string }[]) => issues.map((i) => i.code);

describe('countSentences', () => {
  it('counts nothing in empty text', () => {
    expect(countSentences('')).toBe(0);
    expect(countSentences('   \n ')).toBe(0);
  });

  it('counts full stops, questions, exclamations and unterminated text', () => {
    expect(countSentences('Tell me about plants')).toBe(1);
    expect(countSentences('Plants need light. Why?')).toBe(2);
    expect(countSentences('Wow! What a day. Tell me about it')).toBe(3);
    expect(countSentences('Really?! Tell me more!!!')).toBe(2);
  });

  it('does not split on abbreviations', () => {
    expect(countSentences('Name some animals, e.g. Cats and dogs, that live near you.')).toBe(1);
    expect(countSentences('Some have six legs, i.e. Insects. Name one.')).toBe(2);
    expect(countSentences('What did Mr. Fox do? Why?')).toBe(2);
    expect(countSentences('Ask Mrs. Patel or Dr. Jones about St. Paul.')).toBe(1);
    expect(countSentences('Name fruits, vegetables, etc. and say which you like.')).toBe(1);
  });

  it('does not split on decimals or initials', () => {
    expect(countSentences('Which is bigger, 3.5 or 0.25? How do you know?')).toBe(2);
    expect(countSentences('What do you know about J. K. Rowling and her books?')).toBe(1);
  });

  it('reads ellipses by what follows them', () => {
    expect(countSentences('I wonder… what would happen if plants had no light?')).toBe(1);
    expect(countSentences('I wonder... what if?')).toBe(1);
    expect(countSentences('Think about it… Now tell me.')).toBe(2);
    expect(countSentences('Could you teach me…')).toBe(1);
  });

  it('keeps a quoted question inside its sentence', () => {
    expect(countSentences('Ask "why?" and listen to the answer.')).toBe(1);
  });

  it('ends a sentence at a question mark inside closing quotes or brackets', () => {
    expect(countSentences('Ask "Why?" Then listen.')).toBe(2);
    expect(countSentences('Which is heavier (a kilo of feathers or a kilo of bricks?) How do you know?')).toBe(2);
    expect(countSentences('Why?? Because!')).toBe(2);
  });

  it('counts money, measures and decimals at the end of a sentence as one', () => {
    expect(countSentences('A pencil costs £2.50. How much are two?')).toBe(2);
    expect(countSentences('Is 0.5 the same as a half? Why?')).toBe(2);
    expect(countSentences('Measure 1.25 m of string with 0.5 m left over')).toBe(1);
  });

  it('mixes abbreviations, decimals and questions in one prompt', () => {
    expect(countSentences('Dr. Patel measured 2.5 cm, e.g. On the ruler. Is that right?')).toBe(2);
    expect(countSentences('Mr. Tom grew 1.5 m! Mrs. Lee grew 2.5 m. Who grew more?')).toBe(3);
  });
});

describe('findHomeworkWords', () => {
  it('finds whole words and their forms, case-insensitively, as written', () => {
    expect(findHomeworkWords('Write a paragraph about the Romans.')).toEqual(['Write']);
    expect(findHomeworkWords('Could you try writing it, then draw a picture?')).toEqual(['writing', 'draw']);
    expect(findHomeworkWords('What you wrote, what you drew.')).toEqual(['wrote', 'drew']);
    expect(findHomeworkWords('Fill in the worksheets and hand   in your essay.')).toEqual(['Fill in', 'worksheets', 'hand in', 'essay']);
    expect(findHomeworkWords('Make a model, then colour it in.')).toEqual(['Make a', 'colour']);
    expect(findHomeworkWords('Record your answer. Print it out. Copy out the list. Bring in a leaf.')).toEqual([
      'Record', 'Print it out', 'Copy out', 'Bring in',
    ]);
    expect(findHomeworkWords('Could you rewrite the ending?')).toEqual(['rewrite']);
    expect(findHomeworkWords('I will mark it, like homework.')).toEqual(['mark', 'homework']);
  });

  it('counts forms and phrases as whole words, across spaces and line breaks', () => {
    expect(findHomeworkWords('Tell me about the drawbridge and the marker on the map.')).toEqual([]);
    expect(findHomeworkWords('Who plays the recorder? Is it a recording studio?')).toEqual([]);
    expect(findHomeworkWords('Try recording yourself singing it.')).toEqual(['recording']);
    expect(findHomeworkWords('Try handing\nin the sheet, or bring it in tomorrow.')).toEqual(['handing in', 'bring it in']);
    expect(findHomeworkWords('(Draw it) and then—write it!')).toEqual(['Draw', 'write']);
    expect(findHomeworkWords('WRITE IT')).toEqual(['WRITE']);
  });

  it('lists each word once', () => {
    expect(findHomeworkWords('Write it. Then write it again.')).toEqual(['Write']);
  });

  it('ignores words that merely contain one', () => {
    expect(findHomeworkWords('What a remarkable insect! Is it in the drawer or by the bookmark?')).toEqual([]);
    expect(findHomeworkWords('Which colourful birds live nearby? Who is your favourite writer?')).toEqual([]);
    expect(findHomeworkWords('It is a well-written story with an unmarked path.')).toEqual([]);
  });

  it('ignores nouns, names and words ruled out', () => {
    expect(findHomeworkWords('When do we use a question mark or speech marks?')).toEqual([]);
    expect(findHomeworkWords('What colour is a robin? Who holds the world record?')).toEqual([]);
    expect(findHomeworkWords('Can you make a guess, or make a sound like the wind?')).toEqual([]);
    expect(findHomeworkWords('What did St Mark and Drew find?')).toEqual([]);
    expect(findHomeworkWords("There's no need to write anything, and instead of homework, just chat.")).toEqual([]);
    expect(findHomeworkWords("Don't worry. Write it down.")).toEqual(['Write']);
  });

  it('lists the words it looks for', () => {
    expect(HOMEWORK_WORDS).toEqual(expect.arrayContaining(['write', 'worksheet', 'draw', 'colour', 'make a', 'homework']));
    expect(HOMEWORK_WORDS).not.toContain('poster');
  });
});

describe('checkPrompt', () => {
  it('passes a good prompt with nothing to say', () => {
    expect(checkPrompt(draft())).toEqual({ errors: [], warnings: [] });
    expect(isPublishable(draft())).toBe(true);
  });

  it('needs a theme and a prompt', () => {
    expect(codes(checkPrompt(draft({ theme: '  ' })).errors)).toEqual(['theme_empty']);
    expect(codes(checkPrompt(draft({ prompt: '' })).errors)).toEqual(['prompt_empty']);
    expect(isPublishable(draft({ prompt: ' ' }))).toBe(false);
  });

  it('allows two sentences but not three', () => {
    expect(checkPrompt(draft({ prompt: 'What is a seed? How does it grow?' })).errors).toEqual([]);
    const { errors } = checkPrompt(draft({ prompt: 'What is a seed? How does it grow? What does it need?' }));
    expect(errors).toEqual([expect.objectContaining({ field: 'prompt', code: 'prompt_too_long', severity: 'error' })]);
    expect(errors[0]?.message).toContain('3');
  });

  it('allows one to ten minutes', () => {
    expect(checkPrompt(draft({ minutes: 10 })).errors).toEqual([]);
    expect(checkPrompt(draft({ minutes: 1 })).errors).toEqual([]);
    expect(codes(checkPrompt(draft({ minutes: 11 })).errors)).toEqual(['minutes_too_many']);
    expect(codes(checkPrompt(draft({ minutes: 0 })).errors)).toEqual(['minutes_too_few']);
    expect(codes(checkPrompt(draft({ minutes: Number.NaN })).errors)).toEqual(['minutes_too_few']);
  });

  it('warns gently about homework words, naming the word', () => {
    const { errors, warnings } = checkPrompt(draft({ prompt: 'Write a paragraph about life-cycles.' }));
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      {
        field: 'prompt',
        code: 'homework_word',
        severity: 'warning',
        message: '"Write" turns it back into homework: could the child tell or show it instead?',
      },
    ]);
    expect(isPublishable(draft({ prompt: 'Write a paragraph about life-cycles.' }))).toBe(true);
  });

  it('checks the extensions for homework words too', () => {
    const { warnings } = checkPrompt(draft({ extensions: ['Could you draw it?'] }));
    expect(warnings).toEqual([expect.objectContaining({ field: 'extensions', code: 'homework_word' })]);
    expect(warnings[0]?.message).toContain('"Draw"');
  });

  it('does not warn for remarkable, drawer, bookmark or colourful', () => {
    const prompt = 'What remarkable, colourful thing is in the drawer by the bookmark?';
    expect(checkPrompt(draft({ prompt })).warnings).toEqual([]);
  });

  it('warns for maths without support, whatever the spelling', () => {
    for (const subject of ['maths', 'Maths', 'math', 'Mathematics']) {
      expect(codes(checkPrompt(draft({ subject, support: ' ' })).warnings)).toEqual(['maths_without_support']);
    }
    expect(checkPrompt(draft({ subject: 'maths', support: '3 × 4 = 12' })).warnings).toEqual([]);
    expect(checkPrompt(draft({ subject: 'science', support: '' })).warnings).toEqual([]);
  });

  it('warns without a non-empty extension', () => {
    expect(codes(checkPrompt(draft({ extensions: [] })).warnings)).toEqual(['no_extension']);
    expect(codes(checkPrompt(draft({ extensions: ['', '  '] })).warnings)).toEqual(['no_extension']);
  });
});

describe('limits', () => {
  const full = { date: '2026-03-02', ...draft() };

  it('are ten minutes and two sentences', () => {
    expect(MAX_MINUTES).toBe(10);
    expect(MAX_SENTENCES).toBe(2);
  });

  it('are checked by the shared schema at the wire: prompt 400, theme 120, five extensions, whole minutes 1–10', () => {
    const ok = (over: object) => PromptDraft.safeParse({ ...full, ...over }).success;
    expect(ok({ prompt: `${'a'.repeat(399)}?` })).toBe(true);
    expect(ok({ prompt: 'a'.repeat(401) })).toBe(false);
    expect(ok({ theme: 't'.repeat(120) })).toBe(true);
    expect(ok({ theme: 't'.repeat(121) })).toBe(false);
    expect(ok({ support: 's'.repeat(1001) })).toBe(false);
    expect(ok({ extensions: Array.from({ length: 5 }, () => 'Why?') })).toBe(true);
    expect(ok({ extensions: Array.from({ length: 6 }, () => 'Why?') })).toBe(false);
    expect(ok({ extensions: ['e'.repeat(201)] })).toBe(false);
    for (const minutes of [1, 10]) expect(ok({ minutes })).toBe(true);
    for (const minutes of [0, 11, 2.5, -1]) expect(ok({ minutes })).toBe(false);
  });

  it('the rules and the schema agree on minutes', () => {
    for (const minutes of [0, 1, 10, 11]) {
      expect(checkPrompt(draft({ minutes })).errors.length === 0).toBe(PromptDraft.safeParse({ ...full, minutes }).success);
    }
  });
});

describe('teachMeOpeners', () => {
  it('builds three or four openers from the theme', () => {
    const openers = teachMeOpeners('Life-cycles');
    expect(openers.length).toBeGreaterThanOrEqual(3);
    expect(openers.length).toBeLessThanOrEqual(4);
    expect(openers).toContain("As you've been learning about life-cycles today, could you teach me…");
    expect(openers).toContain('Can you explain to me what you found out about life-cycles?');
    expect(openers).toContain('Tell me three things you know about life-cycles — which one surprised you?');
  });

  it('keeps names and acronyms as written', () => {
    expect(teachMeOpeners('Romans')[1]).toBe('Can you explain to me what you found out about Romans?');
    expect(teachMeOpeners('2D shapes')[1]).toBe('Can you explain to me what you found out about 2D shapes?');
    expect(themeInSentence('PSHE')).toBe('PSHE');
    expect(themeInSentence('Ancient Egypt')).toBe('Ancient Egypt');
    expect(themeInSentence('Fractions of amounts')).toBe('fractions of amounts');
  });

  it('gives nothing for an empty theme', () => {
    expect(teachMeOpeners('')).toEqual([]);
    expect(teachMeOpeners('   ')).toEqual([]);
  });

  it('makes openers that follow the rules themselves', () => {
    for (const prompt of teachMeOpeners('Habitats')) {
      expect(checkPrompt(draft({ theme: 'Habitats', prompt })).warnings).toEqual([]);
      expect(countSentences(prompt)).toBe(1);
    }
  });
});

describe('EXTENSION_IDEAS', () => {
  it('offers open questions free of homework words', () => {
    expect(EXTENSION_IDEAS).toEqual(expect.arrayContaining(['How do you know?', 'What if…?']));
    for (const idea of EXTENSION_IDEAS) expect(findHomeworkWords(idea)).toEqual([]);
  });
});
