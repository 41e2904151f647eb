/** The three paper layouts of a week: pure templates over the plan, no state. */
import { html, nothing } from 'lit';
import { formatDayLong, formatWeekRange } from '../../../shared/calendar.ts';
import type { PromptDraft } from '../../../shared/schemas.ts';

export type PrintLayout = 'weekly' | 'slips' | 'poster';
export type PosterPaper = 'A4' | 'A3';

export interface PrintPlan {
  className: string;
  weekStart: string;
  /** The planned days, Monday first. */
  days: PromptDraft[];
}

const SLIPS_PER_PAGE = 4;
const FAMILY_LINE = 'Each day, up to ten minutes of talking or trying things together: there is nothing to write and nothing is marked.';

const kindLabel = (d: PromptDraft): string => (d.kind === 'verbal' ? 'talking' : 'practical');
const subjectLabel = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const extensionsOf = (d: PromptDraft): string[] => d.extensions.map((e) => e.trim()).filter((e) => e !== '');

function supportAndExtensions(d: PromptDraft) {
  const extensions = extensionsOf(d);
  return html`
    ${d.support.trim() ? html`<p class="support"><span class="label">Help at home:</span> ${d.support}</p>` : nothing}
    ${extensions.length ? html`<p class="extensions"><span class="label">Going further:</span> ${extensions.map((e) => html`<span class="ext">${e}</span>`)}</p>` : nothing}`;
}

/** A4 portrait: the whole week, with a line per day for an optional note, to staple into the Reading Diary. */
export function weeklyList(plan: PrintPlan) {
  return html`<article class="page a4-portrait weekly">
    <header>
      <h1>${plan.className}: Learning Conversations</h1>
      <p class="week">${formatWeekRange(plan.weekStart)}</p>
      <p class="intro">${FAMILY_LINE} Talk at dinner, in the car, on the walk home or at bath time.</p>
    </header>
    ${plan.days.map((d) => html`<section class="day">
      <h2>${formatDayLong(d.date)} · ${subjectLabel(d.subject)}: ${d.theme}</h2>
      <p class="prompt">${d.prompt}</p>
      ${supportAndExtensions(d)}
      <p class="meta">Up to ${d.minutes} minutes · ${kindLabel(d)}</p>
      <div class="note">What did your child say? (optional)<span></span></div>
    </section>`)}
  </article>`;
}

function slip(plan: PrintPlan, d: PromptDraft) {
  return html`<div class="slip fit">
    <div class="top"><span class="label">${plan.className}</span><span>${formatWeekRange(plan.weekStart)}</span></div>
    <h2>${formatDayLong(d.date)}</h2>
    <p class="theme">${subjectLabel(d.subject)}: ${d.theme}</p>
    <p class="prompt">${d.prompt}</p>
    ${supportAndExtensions(d)}
    <p class="elsewhere">More help for families is on the weekly list.</p>
    <div class="note">What did your child say? (optional, for the teacher)<span></span><span></span></div>
    <p class="foot">Up to ${d.minutes} minutes · ${kindLabel(d)} · nothing to write, nothing is marked.</p>
  </div>`;
}

/** A page per day holding four copies of its slip: copy the page for the class and cut on the dashes. */
export function slips(plan: PrintPlan) {
  return plan.days.map((d) => html`<article class="page a4-portrait">
    <p class="cut" aria-hidden="true">✂ Cut along the dashed lines</p>
    <div class="slips">${Array.from({ length: SLIPS_PER_PAGE }, () => slip(plan, d))}</div>
  </article>`);
}

const promptSize = (text: string): string => (text.length > 220 ? 'long' : text.length > 120 ? 'medium' : '');

/** A landscape page per day for the easel at pickup; A3 scales everything up. */
export function posters(plan: PrintPlan, paper: PosterPaper) {
  const pageClass = paper === 'A3' ? 'a3-landscape' : 'a4-landscape';
  return plan.days.map((d) => {
    return html`<article class="page ${pageClass}">
      <div class="poster fit">
        <div class="top"><span class="class">${plan.className}</span><span class="week">${formatWeekRange(plan.weekStart)}</span></div>
        <h2>${formatDayLong(d.date)}</h2>
        <p class="theme">Today we learned about: ${d.theme}</p>
        <p class="prompt ${promptSize(d.prompt)}">${d.prompt}</p>
        <div class="more">
          ${d.support.trim() ? html`<div class="box support"><p class="label">Help at home</p><p>${d.support}</p></div>
` : html`<div></div>`}
          ${extensionsOf(d).length ? html`<div class="box"><p class="label">Going further</p>${extensionsOf(d).map((e) => html`<p class="ext">${e}</p>`)}</div>` : nothing}
        </div>
        <p class="elsewhere">More help for families is on the weekly list.</p>
        <p class="foot">Up to ${d.minutes} minutes · ${kindLabel(d)} · nothing to write, nothing is marked.</p>
      </div>
    </article>`;
  });
}
