/**
 * @summary The ten-minute conversation timer: a progress ring, pause and resume, a gentle end
 * (the ring turns green, a polite announcement, and a soft chime if staff turned it on), and
 * "Keep going" for a pair who want to go further, which counts on with no second signal.
 *
 * @event lc-timer-change - running started or stopped ({ detail: { running } }); bubbles out of shadow roots.
 * @event lc-timer-end - the time is up.
 *
 * `now` is injectable so tests can run ten minutes in a moment.
 */
import { LitElement, css, html, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { formStyles } from './shared-styles.ts';

type Phase = 'ready' | 'running' | 'paused' | 'ended' | 'extra' | 'extra-paused';

const R = 52;
const CIRCUMFERENCE = 2 * Math.PI * R;

const mmss = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

const spoken = (ms: number): string => {
  const s = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(s / 60);
  return m > 0 ? `${m} minute${m === 1 ? '' : 's'} ${s % 60} seconds` : `${s} seconds`;
};

@customElement('lc-timer-ring')
export class LcTimerRing extends LitElement {
  static override styles = [formStyles, css`
    :host { display: inline-flex; align-items: center; gap: 0.75rem; }
    .ring { position: relative; width: 9rem; height: 9rem; flex: none; }
    .side { display: flex; flex-direction: column; gap: 0.5rem; align-items: stretch; min-width: 11rem; }
    svg { width: 100%; height: 100%; transform: rotate(-90deg); }
    .track { stroke: #dfe4ea; }
    .bar { stroke: var(--lc-navy, #14325c); transition: stroke-dashoffset 0.25s linear; }
    .ended .bar, .extra .bar { stroke: var(--lc-ok, #1d6b3a); }
    .ended .ring { animation: breathe 2.4s ease-in-out 3; }
    @keyframes breathe { 50% { transform: scale(1.05); } }
    @media (prefers-reduced-motion: reduce) { .ended .ring { animation: none; } .bar { transition: none; } }
    .time { position: absolute; inset: 0; display: flex; flex-direction: column; align-items: center; justify-content: center; }
    .digits { font-size: 1.9rem; font-weight: 800; font-variant-numeric: tabular-nums; color: var(--lc-ink, #0f1b2d); }
    .caption { font-size: 0.8rem; color: var(--lc-muted, #4a5568); }
    .controls { display: flex; flex-direction: column; gap: 0.5rem; }
    button { min-height: 48px; min-width: 48px; }
    button.chime[aria-pressed='true'] { background: var(--lc-navy, #14325c); color: #fff; }
    .end-note { margin: 0; font-weight: 600; color: var(--lc-ok, #1d6b3a); max-width: 13rem; }
  `];

  /** Length of the conversation. */
  @property({ type: Number }) minutes = 10;
  /** The clock: Date.now unless a test gives a faster one. */
  @property({ attribute: false }) now: () => number = () => Date.now();
  /** Whose conversation this is, for screen readers ("Amira and Ben"). */
  @property() label = '';
  /** A soft chime at the end; only ever sounded after a tap, as browsers require. */
  @property({ type: Boolean, reflect: true }) chime = false;

  @state() private phase: Phase = 'ready';
  @state() private elapsedMs = 0;
  private banked = 0;
  private since = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private audio: AudioContext | null = null;

  get running(): boolean {
    return this.phase === 'running' || this.phase === 'extra';
  }

  private get durationMs(): number {
    return this.minutes * 60_000;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    void this.audio?.close();
  }

  private run(phase: 'running' | 'extra'): void {
    if (this.chime) this.unlockAudio();
    this.since = this.now();
    this.setPhase(phase);
    clearInterval(this.ticker);
    this.ticker = setInterval(() => this.tick(), 250);
  }

  private pause(): void {
    this.banked += this.now() - this.since;
    clearInterval(this.ticker);
    this.setPhase(this.phase === 'extra' ? 'extra-paused' : 'paused');
  }

  private reset(): void {
    clearInterval(this.ticker);
    this.banked = 0;
    this.elapsedMs = 0;
    this.setPhase('ready');
  }

  private tick(): void {
    this.elapsedMs = this.banked + (this.now() - this.since);
    if (this.phase === 'running' && this.elapsedMs >= this.durationMs) this.end();
  }

  private end(): void {
    clearInterval(this.ticker);
    this.banked = this.durationMs;
    this.elapsedMs = this.durationMs;
    this.setPhase('ended');
    this.playChime();
    this.dispatchEvent(new Event('lc-timer-end', { bubbles: true, composed: true }));
  }

  private setPhase(phase: Phase): void {
    const wasRunning = this.running;
    this.phase = phase;
    if (wasRunning !== this.running) {
      this.dispatchEvent(new CustomEvent('lc-timer-change', { detail: { running: this.running }, bubbles: true, composed: true }));
    }
  }

  private toggleChime(): void {
    this.chime = !this.chime;
    if (this.chime) this.unlockAudio();
  }

  /** Browsers let a page make sound only after a user gesture: this runs inside one. */
  private unlockAudio(): void {
    if (this.audio || typeof AudioContext === 'undefined') return;
    this.audio = new AudioContext();
  }

  /** Two soft sine notes, fading in and out: a signal, not an alarm. */
  private playChime(): void {
    const ctx = this.audio;
    if (!this.chime || !ctx) return;
    void ctx.resume();
    [523.25, 659.25].forEach((hz, i) => {
      const start = ctx.currentTime + i * 0.6;
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = hz;
      gain.gain.setValueAtTime(0, start);
      gain.gain.linearRampToValueAtTime(0.08, start + 0.15);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 1.4);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 1.5);
    });
  }

  private get caption(): string {
    switch (this.phase) {
      case 'ready': return 'ready';
      case 'running': return 'left';
      case 'paused': return 'paused';
      case 'ended': return "time's up";
      case 'extra': return 'going further';
      case 'extra-paused': return 'paused';
    }
  }

  override render() {
    const over = this.phase === 'ended' || this.phase === 'extra' || this.phase === 'extra-paused';
    const remaining = this.durationMs - this.elapsedMs;
    const digits = over ? (this.phase === 'ended' ? '0:00' : `+${mmss(this.elapsedMs - this.durationMs)}`) : mmss(remaining);
    // The navy arc shrinks as the minutes go; at the end the ring is whole again, in green.
    const fraction = over ? 0 : Math.min(1, this.elapsedMs / this.durationMs);
    const who = this.label ? ` for ${this.label}` : '';
    const aria = over
      ? (this.phase === 'ended' ? `Timer${who}: ten minutes are up` : `Timer${who}: ${spoken(this.elapsedMs - this.durationMs)} beyond the ${this.minutes} minutes`)
      : `Timer${who}: ${spoken(remaining)} ${this.phase === 'paused' ? 'left, paused' : 'left'}`;
    // One main button whose label follows the phase: the same element, so keyboard focus stays on it.
    const primary =
      this.phase === 'ready' ? { label: `Start ${this.minutes} minutes`, act: () => this.run('running') }
      : this.running ? { label: 'Pause', act: () => this.pause() }
      : this.phase === 'paused' ? { label: 'Resume', act: () => this.run('running') }
      : this.phase === 'extra-paused' ? { label: 'Resume', act: () => this.run('extra') }
      : { label: 'Keep going', act: () => this.run('extra') };
    return html`
      <div class=${this.phase.startsWith('extra') ? 'extra' : this.phase}>
        <div class="ring">
          ${svg`<svg viewBox="0 0 120 120" aria-hidden="true" focusable="false">
            <circle class="track" cx="60" cy="60" r=${R} fill="none" stroke-width="12"></circle>
            <circle class="bar" cx="60" cy="60" r=${R} fill="none" stroke-width="12" stroke-linecap="round"
              stroke-dasharray=${CIRCUMFERENCE} stroke-dashoffset=${CIRCUMFERENCE * fraction}></circle>
          </svg>`}
          <div class="time" role="timer" aria-label=${aria}>
            <span class="digits" aria-hidden="true">${digits}</span>
            <span class="caption" aria-hidden="true">${this.caption}</span>
          </div>
        </div>
      </div>
      <div class="side">
        <p class="end-note" role="status">${this.phase === 'ended' ? 'Ten minutes are up: finish the thought, or keep going.' : ''}</p>
        <div class="controls">
          <button @click=${primary.act}>${primary.label}</button>
          ${this.phase === 'paused' || this.phase === 'ended' || this.phase === 'extra-paused'
            ? html`<button class="secondary" @click=${this.reset}>Reset</button>` : ''}
          <button class="secondary chime" aria-pressed=${this.chime ? 'true' : 'false'} @click=${this.toggleChime}>Soft chime</button>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-timer-ring': LcTimerRing }
  interface HTMLElementEventMap {
    'lc-timer-change': CustomEvent<{ running: boolean }>;
    'lc-timer-end': Event;
  }
}
