/**
 * The week as text for the school office: the Monday message, its short SMS form and
 * today's message, each with a copy button.
 *
 * @summary Plain-text exports of a week's plan.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formatDayLong } from '../../../shared/calendar.ts';
import type { PromptDraft } from '../../../shared/schemas.ts';
import { mondayMessage, mondayMessageShort, smsSegments, todayMessage } from '../../../shared/week-messages.ts';
import { formStyles } from '../../components/shared-styles.ts';

/** The clipboard API needs a secure context and permission; older browsers only have execCommand. */
async function copyText(text: string, area: HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    area.focus();
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}

@customElement('lc-week-exports')
export class LcWeekExports extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    .exports { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
    textarea { font-family: ui-monospace, 'Cascadia Mono', Menlo, Consolas, monospace; font-size: 0.9rem; min-height: 12rem; }
    h4 { margin: 0 0 0.25rem; font-size: 1.05rem; }
    .row { margin-top: 0.5rem; }
  `];

  @property() classTitle = '';
  @property() weekStart = '2000-01-03';
  /** The planned days, Monday first. */
  @property({ attribute: false }) days: PromptDraft[] = [];
  /** The school's today, to pick today's message when it falls in this week. */
  @property() today = '';
  @state() private todayDate = '';
  @state() private copied = '';

  private async copy(id: string, text: string, what: string): Promise<void> {
    const area = this.renderRoot.querySelector<HTMLTextAreaElement>(`#${id}`);
    if (!area) return;
    this.copied = (await copyText(text, area))
      ? `${what} copied: paste it into the school's text or email service.`
      : `Could not copy by itself: the text is selected, press Ctrl+C (⌘C on a Mac).`;
  }

  private renderBox(id: string, title: string, text: string, hint: string, copyLabel: string) {
    return html`<div class="card">
      <h4 id=${`${id}-title`}>${title}</h4>
      <p class="muted" id=${`${id}-hint`}>${hint}</p>
      <label class="visually-hidden" for=${id}>${title}</label>
      <textarea id=${id} readonly .value=${text} aria-describedby=${`${id}-hint`}></textarea>
      <div class="row"><button type="button" class="secondary" @click=${() => void this.copy(id, text, title)}>${copyLabel}</button></div>
    </div>`;
  }

  override render() {
    const cls = { name: this.classTitle };
    const monday = mondayMessage(cls, this.weekStart, this.days);
    const short = mondayMessageShort(cls, this.weekStart, this.days);
    const segments = smsSegments(short);
    const chosen = this.days.find((d) => d.date === this.todayDate) ?? this.days.find((d) => d.date === this.today) ?? this.days[0];
    return html`
      <div class="exports">
        ${this.renderBox('monday', 'Monday message', monday, 'For email or a long text: the class at the top, a line a day.', 'Copy the Monday message')}
        ${this.renderBox('sms', 'Short text message', short, `${short.length} characters: ${segments} SMS segment${segments === 1 ? '' : 's'} (themes only).`, 'Copy the short text')}
        ${chosen ? html`<div class="card">
          <h4>Today's message</h4>
          <label for="today-day">Day</label>
          <select id="today-day" @change=${(e: Event) => (this.todayDate = (e.target as HTMLSelectElement).value)}>
            ${this.days.map((d) => html`<option value=${d.date} ?selected=${d.date === chosen.date}>${formatDayLong(d.date)}</option>`)}
          </select>
          <label class="visually-hidden" for="today">Today's message</label>
          <textarea id="today" readonly .value=${todayMessage(cls, chosen)}></textarea>
          <div class="row"><button type="button" class="secondary" @click=${() => void this.copy('today', todayMessage(cls, chosen), "Today's message")}>Copy today's message</button></div>
        </div>` : nothing}
      </div>
      <p role="status">${this.copied}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-week-exports': LcWeekExports }
}
