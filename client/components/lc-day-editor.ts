/**
 * One day of the week planner: subject, theme, the prompt, kind, minutes, support for families
 * and extensions, checked against the shared rules as the teacher types.
 *
 * @summary Edits one day's learning conversation.
 * @event lc-day-change - `detail` is the whole edited PromptDraft, after every keystroke or choice.
 * @slot status - Beside the day's heading: the planner puts the draft/published state and day actions here.
 */
import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { EXTENSION_IDEAS, MAX_MINUTES, MAX_SENTENCES, checkPrompt, countSentences, teachMeOpeners, type RuleIssue } from '../../shared/prompt-rules.ts';
import { PRESET_SUBJECTS, type PromptDraft } from '../../shared/schemas.ts';
import { dayEditorStyles } from './lc-day-editor.styles.ts';
import { formStyles } from './shared-styles.ts';

const MAX_EXTENSIONS = 5;
const OTHER = '__other';

/** A day with nothing written is simply not planned: it is left out when the week is saved. */
export const isBlankDay = (d: PromptDraft): boolean =>
  [d.theme, d.prompt, d.support, ...d.extensions].every((s) => s.trim() === '');

export const blankDay = (date: string): PromptDraft => ({
  date, subject: '', theme: '', prompt: '', kind: 'verbal', minutes: 10, support: '', extensions: [],
});

/** The shared rules, plus the one thing only a form can get wrong: no subject chosen. */
export function dayIssues(d: PromptDraft): RuleIssue[] {
  if (isBlankDay(d)) return [];
  const { errors, warnings } = checkPrompt(d);
  const subject: RuleIssue[] = d.subject.trim() === ''
    ? [{ field: 'subject', code: 'subject_empty', message: 'Choose a subject.', severity: 'error' }]
    : [];
  return [...subject, ...errors, ...warnings];
}

const subjectLabel = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

@customElement('lc-day-editor')
export class LcDayEditor extends LitElement {
  static override styles = [formStyles, dayEditorStyles];

  @property({ attribute: false }) value: PromptDraft = blankDay('2000-01-03');
  /** The day as the teacher reads it, e.g. "Monday 3 November". */
  @property() heading = '';
  /** The teacher picked "another subject" and has not typed it yet. */
  @state() private otherSubject = false;
  @state() private announcement = '';

  private get isPreset(): boolean {
    return (PRESET_SUBJECTS as readonly string[]).includes(this.value.subject);
  }

  private edit(patch: Partial<PromptDraft>): void {
    this.value = { ...this.value, ...patch };
    this.dispatchEvent(new CustomEvent('lc-day-change', { detail: this.value, bubbles: true, composed: true }));
  }

  private chooseSubject(e: Event): void {
    const v = (e.target as HTMLSelectElement).value;
    this.otherSubject = v === OTHER;
    this.edit({ subject: v === OTHER ? '' : v });
    if (v === OTHER) void this.updateComplete.then(() => this.field('subject-other')?.focus());
  }

  private takeOpener(opener: string): void {
    this.edit({ prompt: opener });
    this.announcement = 'The prompt now starts with that opener: change it as you like.';
    void this.updateComplete.then(() => {
      const area = this.field<HTMLTextAreaElement>('prompt');
      area?.focus();
      area?.setSelectionRange(opener.length, opener.length);
    });
  }

  private setExtension(i: number, text: string): void {
    const extensions = [...this.value.extensions];
    extensions[i] = text;
    this.edit({ extensions });
  }

  private addExtension(text = ''): void {
    const kept = this.value.extensions.filter((e) => e.trim() !== '');
    if (kept.length >= MAX_EXTENSIONS) return;
    this.edit({ extensions: [...kept, text] });
    const at = kept.length;
    if (text) this.announcement = `Added “${text}” as an extension.`;
    void this.updateComplete.then(() => this.field(`extension-${at}`)?.focus());
  }

  private removeExtension(i: number): void {
    this.edit({ extensions: this.value.extensions.filter((_, j) => j !== i) });
    this.announcement = `Removed extension ${i + 1}.`;
  }

  private field<T extends HTMLElement = HTMLInputElement>(id: string): T | null {
    return this.renderRoot.querySelector<T>(`#${id}`);
  }

  /** The live list under a field; always rendered, so screen readers hear it change. */
  private renderIssues(id: string, issues: RuleIssue[]) {
    return html`<ul class="issues" id=${id} aria-live="polite">
      ${issues.map((i) => html`<li class=${i.severity}>${i.severity === 'error' ? 'Needs fixing: ' : 'Suggestion: '}${i.message}</li>`)}
    </ul>`;
  }

  /** Offered openly while the prompt is empty; once written, folded away so it does not nag. */
  private renderOpeners(openers: string[], open: boolean) {
    const list = html`<ul class="suggestions" aria-labelledby="openers-label">
      ${openers.map((o) => html`<li><button type="button" class="opener" @click=${() => this.takeOpener(o)}>${o}</button></li>`)}
    </ul>`;
    return open
      ? html`<p class="hint" id="openers-label">Start from a “teach me” opener (you can change it):</p>${list}`
      : html`<details><summary class="hint" id="openers-label">Start again from a “teach me” opener</summary>${list}</details>`;
  }

  override render() {
    const d = this.value;
    const issues = dayIssues(d);
    const of = (field: RuleIssue['field']) => issues.filter((i) => i.field === field);
    const invalid = (field: RuleIssue['field']) => (of(field).some((i) => i.severity === 'error') ? 'true' : 'false');
    const customSubject = this.otherSubject || (d.subject !== '' && !this.isPreset);
    const openers = teachMeOpeners(d.theme);
    const extensions = d.extensions.length ? d.extensions : [''];
    const ideas = EXTENSION_IDEAS.filter((idea) => !d.extensions.includes(idea));
    const sentences = countSentences(d.prompt);

    return html`
      <section aria-labelledby="day-heading">
        <header>
          <h3 id="day-heading">${this.heading}</h3>
          <slot name="status"></slot>
        </header>
        ${isBlankDay(d) ? html`<p class="hint blank">Not planned yet. Leave it blank if there is no conversation this day.</p>` : nothing}
        <div class="grid">
          <div>
            <label for="subject">Subject</label>
            <select id="subject" aria-describedby="subject-issues" aria-invalid=${invalid('subject')}
              @change=${this.chooseSubject}>
              <option value="" ?selected=${d.subject === '' && !customSubject}>Choose a subject</option>
              ${PRESET_SUBJECTS.map((s) => html`<option value=${s} ?selected=${d.subject === s}>${subjectLabel(s)}</option>`)}
              <option value=${OTHER} ?selected=${customSubject}>Another subject…</option>
            </select>
            ${customSubject ? html`
              <label for="subject-other">Subject name</label>
              <input id="subject-other" maxlength="40" .value=${d.subject} aria-describedby="subject-issues"
                @input=${(e: Event) => this.edit({ subject: (e.target as HTMLInputElement).value })} />` : nothing}
            ${this.renderIssues('subject-issues', of('subject'))}

            <label for="theme">Theme</label>
            <input id="theme" maxlength="120" .value=${d.theme} placeholder="e.g. life-cycles, 2D shapes, what the Romans did for us"
              aria-describedby="theme-hint theme-issues" aria-invalid=${invalid('theme')}
              @input=${(e: Event) => this.edit({ theme: (e.target as HTMLInputElement).value })} />
            <p class="hint" id="theme-hint">Today's key learning, in a few words.</p>
            ${this.renderIssues('theme-issues', of('theme'))}

            <fieldset>
              <legend>Kind of conversation</legend>
              ${(['verbal', 'practical'] as const).map((k) => html`
                <label class="choice"><input type="radio" name="kind" value=${k} .checked=${d.kind === k}
                  @change=${() => this.edit({ kind: k })} />${k === 'verbal' ? 'Talking' : 'Practical (show or try)'}</label>`)}
            </fieldset>

            <label for="minutes">Minutes (at most ${MAX_MINUTES})</label>
            <input id="minutes" type="number" inputmode="numeric" min="1" max=${MAX_MINUTES} step="1" .value=${Number.isNaN(d.minutes) ? '' : String(d.minutes)}
              aria-describedby="minutes-issues" aria-invalid=${invalid('minutes')}
              @input=${(e: Event) => {
                const raw = (e.target as HTMLInputElement).value;
                this.edit({ minutes: raw === '' ? Number.NaN : Number(raw) });
              }} />
            ${this.renderIssues('minutes-issues', of('minutes'))}
          </div>

          <div>
            <label for="prompt">Prompt for the conversation</label>
            <textarea id="prompt" maxlength="400" rows="3" .value=${d.prompt}
              aria-describedby="prompt-hint prompt-issues" aria-invalid=${invalid('prompt')}
              @input=${(e: Event) => this.edit({ prompt: (e.target as HTMLTextAreaElement).value })}></textarea>
            <p class="counter" id="prompt-hint">One or two sentences · ${sentences} of ${MAX_SENTENCES} · ${d.prompt.length}/400 characters</p>
            ${this.renderIssues('prompt-issues', of('prompt'))}
            ${openers.length ? this.renderOpeners(openers, d.prompt.trim() === '') : nothing}

            <label for="support">Support for families</label>
            <textarea id="support" maxlength="1000" rows="2" .value=${d.support}
              aria-describedby="support-hint support-issues"
              @input=${(e: Event) => this.edit({ support: (e.target as HTMLTextAreaElement).value })}></textarea>
            <p class="hint" id="support-hint">Examples and answers, so nobody at home feels caught out.</p>
            ${this.renderIssues('support-issues', of('support'))}

            <fieldset aria-describedby="extensions-issues">
              <legend>Extensions for children who want to go further</legend>
              ${extensions.map((text, i) => html`
                <div class="extension">
                  <label class="visually-hidden" for=${`extension-${i}`}>Extension ${i + 1}</label>
                  <input id=${`extension-${i}`} maxlength="200" .value=${text} placeholder="How do you know?"
                    @input=${(e: Event) => this.setExtension(i, (e.target as HTMLInputElement).value)} />
                  ${d.extensions.length > 0 ? html`<button type="button" class="secondary small" aria-label=${`Remove extension ${i + 1}`}
                    @click=${() => this.removeExtension(i)}>Remove</button>` : nothing}
                </div>`)}
              ${d.extensions.length > 0 && d.extensions.every((e) => e.trim() !== '') && d.extensions.length < MAX_EXTENSIONS
                ? html`<button type="button" class="secondary small add" @click=${() => this.addExtension()}>Add another extension</button>` : nothing}
              ${this.renderIssues('extensions-issues', of('extensions'))}
              ${ideas.length && d.extensions.filter((e) => e.trim()).length < MAX_EXTENSIONS ? html`
                <p class="hint" id="ideas-label">Add an idea:</p>
                <ul class="suggestions" aria-labelledby="ideas-label">
                  ${ideas.map((idea) => html`<li><button type="button" class="idea" @click=${() => this.addExtension(idea)}>${idea}</button></li>`)}
                </ul>` : nothing}
            </fieldset>
          </div>
        </div>
        <p class="visually-hidden" role="status">${this.announcement}</p>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-day-editor': LcDayEditor }
  interface HTMLElementEventMap { 'lc-day-change': CustomEvent<PromptDraft> }
}
