/**
 * @summary Today's groups, changed with taps: tap a child, then tap another to swap the two,
 * or "Move … here" to put them in another group, or "… with staff" to take them out alone.
 *
 * @event lc-groups-change - CustomEvent<Groups>: staff changed the groups.
 * @event lc-resuggest - staff want the suggestion back.
 * @event lc-accept - CustomEvent<Groups>: staff accepted the groups as shown.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { scoreGroups } from '../../shared/pairing.ts';
import { yearGroupLabel, type Child } from '../../shared/schemas.ts';
import { MAX_GROUP, moveChild, swapChildren, withStaff, type Groups } from '../state/club-groups.ts';
import { formStyles } from './shared-styles.ts';

const first = (c: Child) => c.displayName.split(' ')[0] ?? c.displayName;

@customElement('lc-group-editor')
export class LcGroupEditor extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    button { min-height: 48px; }
    h2 { margin: 0.5rem 0; font-size: 1.35rem; }
    .hint { margin: 0 0 0.75rem; color: var(--lc-muted, #4a5568); }
    ol { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: 1fr 1fr; gap: 0.75rem; }
    li { background: #fff; border: 1px solid var(--lc-line, #c9cfd8); border-radius: 12px; padding: 0.6rem 0.75rem; }
    h3 { margin: 0 0 0.4rem; font-size: 1rem; color: var(--lc-muted, #4a5568); }
    .chips { display: flex; gap: 0.5rem; flex-wrap: wrap; }
    .chip { background: #fff; color: var(--lc-ink, #0f1b2d); border-color: #6b7785; flex-direction: column; align-items: flex-start; gap: 0; min-height: 56px; }
    .chip small { font-weight: 500; color: var(--lc-muted, #4a5568); }
    .chip[aria-pressed='true'] { background: var(--lc-navy, #14325c); color: #fff; }
    .chip[aria-pressed='true'] small { color: #fff; }
    .move { margin-top: 0.5rem; width: 100%; border-style: dashed; }
    .picked { position: sticky; bottom: 0; display: flex; gap: 0.75rem; align-items: center; flex-wrap: wrap; margin-top: 0.75rem; padding: 0.6rem 0.75rem; background: #e1eefe; border-radius: 12px; }
    .picked p { margin: 0; flex: 1; font-weight: 600; }
    .next { display: flex; gap: 0.75rem; justify-content: flex-end; margin-top: 1rem; }
    .next button { min-height: 56px; font-size: 1.1rem; padding: 0 1.5rem; }
  `];

  @property({ attribute: false }) groups: Groups = [];
  /** Everyone who may appear in a group, for names, year groups and classes. */
  @property({ attribute: false }) roster: Child[] = [];
  @property({ attribute: false }) classNames: Record<string, string> = {};
  /** Staff changed the suggestion (offers "Suggest again"). */
  @property({ type: Boolean }) edited = false;

  /** The child tapped first: the next tap swaps or moves them. */
  @state() private picked: string | null = null;

  private change(groups: Groups): void {
    this.picked = null;
    this.dispatchEvent(new CustomEvent('lc-groups-change', { detail: groups }));
  }

  private tap(id: string): void {
    if (this.picked && this.picked !== id) this.change(swapChildren(this.groups, this.picked, id));
    else this.picked = this.picked === id ? null : id;
  }

  override render() {
    const byId = new Map(this.roster.map((c) => [c.id, c]));
    const picked = this.picked ? byId.get(this.picked) : undefined;
    return html`
      <section aria-labelledby="title">
        <h2 id="title">${this.edited ? "Today's groups" : 'Suggested pairs'}</h2>
        <p class="hint">Older with younger, from different classes where possible. To change a pair, tap a child, then tap another child to swap them, or tap "Move here".</p>
        <ol>${this.groups.map((g, i) => {
          const members = g.map((id) => byId.get(id)).filter((c): c is Child => c !== undefined);
          const sameClass = g.length > 1 && scoreGroups([g], members).sameClassGroups > 0;
          return html`<li class="group">
            <h3>${g.length === 1 ? 'With staff' : g.length === 3 ? `Trio ${i + 1}` : `Pair ${i + 1}`}${sameClass ? ' · same class (no other way today)' : ''}</h3>
            <div class="chips">${members.map((c) => html`
              <button class="chip" aria-pressed=${this.picked === c.id ? 'true' : 'false'} @click=${() => this.tap(c.id)}>
                ${c.displayName}<small>${yearGroupLabel(c.yearGroup)} · ${this.classNames[c.classId] ?? ''}</small>
              </button>`)}</div>
            ${picked && !g.includes(picked.id) && g.length < MAX_GROUP
              ? html`<button class="move secondary" @click=${() => this.change(moveChild(this.groups, picked.id, i))}>Move ${first(picked)} here</button>` : nothing}
          </li>`;
        })}</ol>
        ${picked ? html`
          <div class="picked" role="status">
            <p>${picked.displayName} chosen: tap another child to swap, or a "Move here" button.</p>
            <button class="secondary" @click=${() => this.change(withStaff(this.groups, picked.id))}>${first(picked)} with staff</button>
            <button class="secondary" @click=${() => (this.picked = null)}>Cancel</button>
          </div>` : nothing}
        <div class="next">
          ${this.edited ? html`<button class="secondary" @click=${() => this.dispatchEvent(new Event('lc-resuggest'))}>Suggest again</button>` : nothing}
          <button @click=${() => this.dispatchEvent(new CustomEvent('lc-accept', { detail: this.groups }))}>
            Accept ${this.groups.length === 1 ? 'this group' : `these ${this.groups.length} groups`} →</button>
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-group-editor': LcGroupEditor }
  interface HTMLElementEventMap {
    'lc-groups-change': CustomEvent<Groups>;
    'lc-resuggest': Event;
    'lc-accept': CustomEvent<Groups>;
  }
}
