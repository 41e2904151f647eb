/**
 * One small icon per way of taking part, always shown beside its word: the grid must
 * read the same in black and white, to a colour-blind teacher and on a printout.
 */
import { svg } from 'lit';
import type { ParticipationMode } from '../../shared/schemas.ts';

const frame = (body: ReturnType<typeof svg>) => svg`
  <svg class="icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

export const modeIcon: Record<ParticipationMode | 'none', ReturnType<typeof svg>> = {
  // A house.
  home: frame(svg`<path d="M3 10 10 3l7 7"/><path d="M5 8.5V17h10V8.5"/><path d="M8.5 17v-4.5h3V17"/>`),
  // Two children side by side.
  peer: frame(svg`<circle cx="6.5" cy="6" r="2.5"/><circle cx="14" cy="7.5" r="2"/><path d="M2 17c0-3 2-5 4.5-5S11 14 11 17"/><path d="M11 17c0-2.4 1.3-4 3-4s3 1.6 3 4"/>`),
  // An adult with a lanyard badge.
  staff: frame(svg`<circle cx="10" cy="5.5" r="3"/><path d="M4 18c0-4 2.7-6.5 6-6.5s6 2.5 6 6.5"/><rect x="8.5" y="13.5" width="3" height="3"/>`),
  // An empty ring: nothing yet.
  none: frame(svg`<circle cx="10" cy="10" r="6" stroke-dasharray="3 2.5"/>`),
};
