/**
 * The rules of a learning conversation, beyond the shape the schema checks. Pure: the planner runs
 * them as the teacher types, the server runs them again before publishing.
 *
 * Errors block publishing; warnings are gentle suggestions, so they lean towards staying quiet
 * when a word is probably innocent ("a question mark", "What colour is…?").
 */
import type { PromptDraft } from './schemas.ts';

export type RuleIssue = {
  field: 'theme' | 'prompt' | 'minutes' | 'support' | 'extensions' | 'subject';
  code: string;
  message: string;
  severity: 'error' | 'warning';
};

export type CheckedDraft = Pick<
  PromptDraft,
  'subject' | 'theme' | 'prompt' | 'minutes' | 'support' | 'extensions' | 'kind'
>;

export const MAX_MINUTES = 10;
export const MAX_SENTENCES = 2;

// ---------- sentences ----------

/** A '.' after these is not a full stop even before a capital ("Mr. Fox", "e.g. Paris"). */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'mx', 'dr', 'st', 'prof', 'e.g', 'eg', 'i.e', 'ie', 'vs', 'cf', 'approx']);

/** A run of terminators (".", "?!", "…?") with any closing quotes or brackets, then a space or the end. */
const TERMINATOR = /[.!?…]+["'”’)\]]*(?=\s|$)/gu;

/**
 * Sentences ending in . ! ? … or at the end of the text. A terminator only ends a sentence when
 * the next word does not start in lower case (so "wait… then" and "etc. and" run on), and a
 * single '.' after an abbreviation or an initial ("J. K. Rowling") never does. Decimals need no
 * rule: "3.5" has no space after its point.
 */
export function countSentences(text: string): number {
  let count = 0;
  let start = 0;
  for (const m of text.matchAll(TERMINATOR)) {
    const end = m.index + m[0].length;
    if (!endsSentence(text, m.index, m[0], end)) continue;
    if (/[\p{L}\p{N}]/u.test(text.slice(start, end))) count++;
    start = end;
  }
  if (/[\p{L}\p{N}]/u.test(text.slice(start))) count++;
  return count;
}

function endsSentence(text: string, at: number, run: string, end: number): boolean {
  const next = text.slice(end).trimStart();
  if (next === '') return true;
  // Skip an opening quote or bracket: «He said. "Then…"» still starts a new sentence.
  const firstLetter = /^["'“‘(\[]*(\p{L})/u.exec(next)?.[1];
  if (firstLetter && firstLetter !== firstLetter.toUpperCase()) return false;
  if (/^\.["'”’)\]]*$/.test(run)) {
    const word = /(\S+)$/.exec(text.slice(0, at))?.[1] ?? '';
    const bare = word.replace(/^["'“‘(\[]+/, '');
    if (ABBREVIATIONS.has(bare.toLowerCase())) return false;
    if (/^\p{Lu}$/u.test(bare)) return false; // an initial
  }
  return true;
}

// ---------- homework words ----------

interface WordRule {
  /** The word as listed and named in HOMEWORK_WORDS. */
  word: string;
  /** Regex source of the forms that count, whole words only; a space means any whitespace. */
  forms: string;
  /** The word just before that makes it innocent, usually a noun use ("speech marks"). */
  notAfter?: string[];
}

const DETERMINERS = ['a', 'an', 'the', 'this', 'that', 'each', 'your', 'its', 'their', 'his', 'her', 'our', 'my', 'any', 'what', 'which'];

const WORD_RULES: WordRule[] = [
  { word: 'write', forms: '(?:re-?)?(?:write|writes|writing|written|wrote)' },
  { word: 'worksheet', forms: 'worksheets?' },
  { word: 'draw', forms: '(?:re-?)?(?:draw|draws|drawing|drawings|drawn|drew)' },
  // Only the verb: "colours" and "coloured" are nearly always nouns or adjectives in a prompt.
  {
    word: 'colour',
    forms: 'colour|color|colouring|coloring',
    notAfter: [...DETERMINERS, 'favourite', 'favorite', 'same', 'different', 'main', 'one', 'food', 'skin', 'eye', 'hair', 'primary', 'secondary'],
  },
  // Making a guess, a sound or a shape with your hands is exactly the point, so those don't count.
  {
    word: 'make a',
    forms: '(?:make|making) an?(?! (?:guess|prediction|sound|noise|choice|decision|sentence|plan|list|face|shape|wish|difference|mistake|promise|point|rhyme|rhythm|joke|case|start|move|link|connection|comparison)\\b)',
  },
  {
    word: 'record',
    forms: 'record|recording|recorded',
    notAfter: [...DETERMINERS, 'world', 'school', 'track', 'personal', 'new', 'historical', 'fossil', 'weather'],
  },
  { word: 'bring in', forms: '(?:bring|brings|bringing|brought) (?:it |them |something )?in' },
  { word: 'hand in', forms: '(?:hand|hands|handing|handed) (?:it |them )?in(?! hand\\b)' },
  {
    word: 'mark',
    forms: 'mark|marks|marked|marking',
    notAfter: [...DETERMINERS, 'question', 'exclamation', 'speech', 'quotation', 'punctuation', 'tick', 'check', 'full', 'high', 'top', 'half', 'birth', 'pencil', 'chalk', 'tide', 'water', 'land', 'finger', 'paw', 'scorch', 'tooth'],
  },
  { word: 'fill in', forms: '(?:fill|fills|filling|filled) (?:it |them )?(?:in|out)' },
  { word: 'copy out', forms: '(?:copy|copies|copying|copied) (?:it |them )?(?:out|down)' },
  { word: 'print out', forms: '(?:print|prints|printing|printed) (?:it |them )?(?:out|off)|printouts?' },
  { word: 'jot down', forms: '(?:jot|jots|jotting|jotted) (?:it |them )?down' },
  { word: 'homework', forms: 'homeworks?' },
  { word: 'essay', forms: 'essays?' },
];

export const HOMEWORK_WORDS: readonly string[] = WORD_RULES.map((r) => r.word);

// Letters, digits and hyphens join words: "bookmark", "drawer" and "well-written" are not matches.
const WORD_PATTERNS = WORD_RULES.map((r) => ({
  ...r,
  re: new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${r.forms.replaceAll(' ', '\\s+')})(?![\\p{L}\\p{N}_-])`, 'giu'),
}));

/** "Don't write anything", "instead of homework": mentioning the word to rule it out is fine. */
const NEGATION = /(?:^|\s)(?:no|not|never|nothing|without|instead|rather|\S*n't|cannot)(?=\s|$)/i;

/** "Mark", "Drew", "Record Breakers": a capital in mid-sentence is a name, not an instruction. */
const SENTENCE_START = /(?:^|[.!?…:;"“‘'(\[•\n–—-])\s*$/u;

/**
 * The homework words in the text, as written there (whitespace tidied), in order of first
 * appearance and each once, case-insensitively.
 */
export function findHomeworkWords(text: string): string[] {
  const found: { at: number; text: string }[] = [];
  for (const rule of WORD_PATTERNS) {
    for (const m of text.matchAll(rule.re)) {
      const before = text.slice(0, m.index);
      const isName = /^\p{Lu}\p{Ll}/u.test(m[0]) && !SENTENCE_START.test(before);
      if (isName) continue;
      // Only the same clause counts as context: "Don't worry. Write it" still warns.
      const clause = (before.split(/[.!?…;:,()"“”—–]/).pop() ?? '').replaceAll('’', "'");
      const words = clause.trim().split(/\s+/).filter(Boolean);
      const prev = words.at(-1)?.toLowerCase();
      if (prev && rule.notAfter?.includes(prev)) continue;
      if (NEGATION.test(words.slice(-3).join(' '))) continue;
      found.push({ at: m.index, text: m[0].replace(/\s+/g, ' ') });
    }
  }
  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const words: string[] = [];
  for (const f of found) {
    const key = f.text.toLowerCase();
    if (!seen.has(key)) words.push(f.text);
    seen.add(key);
  }
  return words;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function homeworkWarnings(field: 'prompt' | 'extensions', text: string): RuleIssue[] {
  return findHomeworkWords(text).map((w) => ({
    field,
    code: 'homework_word',
    message: /^homeworks?$/i.test(w)
      ? `"${capitalise(w)}" may put families off: this is a chat, not a task.`
      : `"${capitalise(w)}" turns it back into homework: could the child tell or show it instead?`,
    severity: 'warning',
  }));
}

// ---------- the check ----------

const MATHS = new Set(['maths', 'math', 'mathematics']);

const issue = (severity: RuleIssue['severity'], field: RuleIssue['field'], code: string, message: string): RuleIssue => ({
  field,
  code,
  message,
  severity,
});

export function checkPrompt(draft: CheckedDraft): { errors: RuleIssue[]; warnings: RuleIssue[] } {
  const errors: RuleIssue[] = [];
  const warnings: RuleIssue[] = [];
  const prompt = draft.prompt.trim();

  if (draft.theme.trim() === '') errors.push(issue('error', 'theme', 'theme_empty', 'Add a theme, so families know what today was about.'));
  if (prompt === '') {
    errors.push(issue('error', 'prompt', 'prompt_empty', 'Add the question or invitation for the conversation.'));
  } else {
    const n = countSentences(prompt);
    if (n > MAX_SENTENCES) {
      errors.push(issue('error', 'prompt', 'prompt_too_long', `Keep the prompt to one or two sentences (this has ${n}).`));
    }
  }
  // Written as a negated >= so that NaN is caught too.
  if (!(draft.minutes >= 1)) errors.push(issue('error', 'minutes', 'minutes_too_few', 'Allow at least one minute.'));
  else if (draft.minutes > MAX_MINUTES) errors.push(issue('error', 'minutes', 'minutes_too_many', 'Ten minutes at most.'));

  warnings.push(...homeworkWarnings('prompt', prompt));
  for (const ext of draft.extensions) warnings.push(...homeworkWarnings('extensions', ext));

  if (MATHS.has(draft.subject.trim().toLowerCase()) && draft.support.trim() === '') {
    warnings.push(issue('warning', 'support', 'maths_without_support', 'Families may be glad of an example and the answers for a maths conversation.'));
  }
  if (!draft.extensions.some((e) => e.trim() !== '')) {
    warnings.push(issue('warning', 'extensions', 'no_extension', 'A "How do you know?" or "What if…?" gives keen children somewhere to go.'));
  }
  return { errors, warnings };
}

export const isPublishable = (draft: CheckedDraft): boolean => checkPrompt(draft).errors.length === 0;

// ---------- helping the teacher write ----------

/** Proper nouns a primary theme often starts with; a theme like 'Romans' keeps its capital. */
const PROPER_NOUNS = new Set([
  'romans', 'roman', 'vikings', 'viking', 'egyptians', 'egyptian', 'egypt', 'greeks', 'greek', 'greece', 'tudors', 'tudor',
  'victorians', 'victorian', 'anglo-saxons', 'anglo-saxon', 'saxons', 'normans', 'celts', 'stuarts', 'mayans', 'maya',
  'aztecs', 'benin', 'shang', 'christianity', 'islam', 'judaism', 'hinduism', 'sikhism', 'buddhism', 'christmas', 'easter',
  'diwali', 'eid', 'hanukkah', 'ramadan', 'passover', 'vaisakhi', 'holi', 'africa', 'asia', 'europe', 'america',
  'antarctica', 'australia', 'britain', 'england', 'scotland', 'wales', 'ireland', 'london', 'earth', 'mars', 'jupiter',
  'saturn', 'venus', 'mercury', 'neptune', 'uranus',
]);

/**
 * The theme as it reads mid-sentence: 'Life-cycles' becomes 'life-cycles', while a name or an
 * acronym ('Romans', 'DT', 'Ancient Egypt', 'McDonald') keeps its capital.
 */
export function themeInSentence(theme: string): string {
  const t = theme.trim();
  const words = t.split(/\s+/);
  const first = words[0] ?? '';
  const keep =
    !/^\p{Lu}/u.test(first) ||
    /\p{Lu}/u.test(first.slice(1)) || // 'DT', 'PSHE', 'WW2', 'McDonald'
    words.slice(1).some((w) => /^\p{Lu}/u.test(w)) || // 'Ancient Egypt', 'Great Fire of London'
    PROPER_NOUNS.has(first.toLowerCase().replace(/['’]s$/, ''));
  return keep ? t : first.charAt(0).toLowerCase() + t.slice(1);
}

/** Ways to start a "teach me" prompt; each is a starting point, not a finished prompt. */
export function teachMeOpeners(theme: string): string[] {
  if (theme.trim() === '') return [];
  const t = themeInSentence(theme);
  return [
    `As you've been learning about ${t} today, could you teach me…`,
    `Can you explain to me what you found out about ${t}?`,
    `Tell me three things you know about ${t} — which one surprised you?`,
    `If I had never heard of ${t}, how would you explain it to me?`,
  ];
}

export const EXTENSION_IDEAS: readonly string[] = [
  'How do you know?',
  'What if…?',
  'Can you think of an example at home?',
  'What would happen if…?',
  'Why do you think that?',
];
