/**
 * Devices: claim a code shown on a poster screen or club tablet, choose what it is,
 * and see or revoke the paired devices (revoking disconnects it at once).
 */
import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Club, Device, SchoolClass } from '../../../shared/schemas.ts';
import { formStyles } from '../../components/shared-styles.ts';
import type { Connection } from '../../state/connection.ts';
import { LoadOnConnect } from '../../state/load-on-connect.ts';

const when = (t: number | null) => (t ? new Date(t).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : 'never');

@customElement('lc-devices-page')
export class LcDevicesPage extends LitElement {
  static override styles = [formStyles, css`
    :host { display: block; }
    form.card { max-width: 36rem; margin-bottom: 2rem; }
    fieldset { border: 0; padding: 0; margin: 0.75rem 0 0; }
    legend { font-weight: 600; }
    .choice { display: flex; align-items: center; gap: 0.5rem; margin: 0.35rem 0; font-weight: 400; }
    .actions { margin-top: 1rem; }
    table { width: 100%; }
  `];

  @property({ attribute: false }) connection!: Connection;
  @state() private classes: SchoolClass[] = [];
  @state() private clubs: Club[] = [];
  @state() private devices: Device[] = [];
  @state() private kind: 'poster' | 'club' = 'poster';
  @state() private message = '';
  @state() private error = '';

  private readonly loader = new LoadOnConnect(this, () => this.connection, () => this.load());

  private async load(): Promise<void> {
    const [classes, clubs, devices] = await Promise.all([
      this.connection.call('class:list', {}), this.connection.call('club:list', {}), this.connection.call('device:list', {}),
    ]);
    if (classes.ok) this.classes = classes.data;
    if (clubs.ok) this.clubs = clubs.data;
    if (devices.ok) this.devices = devices.data;
  }

  private async claim(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    // Read the form now: after an await, a shadow-DOM event's target is cleared.
    const formElement = e.target as HTMLFormElement;
    const form = new FormData(formElement);
    this.error = this.message = '';
    const result = await this.connection.call('device:claim', {
      code: String(form.get('code') ?? ''),
      label: String(form.get('label') ?? ''),
      kind: this.kind,
      classIds: this.kind === 'poster' ? form.getAll('classIds').map(String) : [],
      clubId: this.kind === 'club' ? String(form.get('clubId') ?? '') : null,
    });
    if (!result.ok) {
      this.error = result.error.issues?.length ? result.error.issues.map((i) => i.message).join('; ') : result.error.message;
      return;
    }
    this.message = `Paired “${result.data.label}”. The device now shows its view.`;
    formElement.reset();
    await this.load();
  }

  private async revoke(device: Device): Promise<void> {
    if (!confirm(`Revoke “${device.label}”? It disconnects at once and must be paired again.`)) return;
    const result = await this.connection.call('device:revoke', { deviceId: device.id });
    this.message = result.ok ? `Revoked “${device.label}”.` : result.error.message;
    await this.load();
  }

  private target(d: Device): string {
    if (d.kind === 'club') return this.clubs.find((c) => c.id === d.clubId)?.name ?? 'club';
    return d.classIds.map((id) => this.classes.find((c) => c.id === id)?.name ?? '?').join(', ');
  }

  override render() {
    return html`
      <h2>Devices</h2>
      <form class="card" @submit=${this.claim} aria-labelledby="pair-heading">
        <h3 id="pair-heading">Pair a screen or tablet</h3>
        <p class="muted">Open this app on the device and choose “Pair this device”; it shows a six-character code.</p>
        <label for="code">Code shown on the device</label>
        <input id="code" name="code" required maxlength="6" autocomplete="off" autocapitalize="characters" spellcheck="false" />
        <label for="label">Name it (where it is)</label>
        <input id="label" name="label" required maxlength="60" placeholder="Playground gate screen" />
        <fieldset>
          <legend>What is it?</legend>
          <label class="choice"><input type="radio" name="kind" value="poster" .checked=${this.kind === 'poster'} @change=${() => (this.kind = 'poster')} /> A poster screen for the playground</label>
          <label class="choice"><input type="radio" name="kind" value="club" .checked=${this.kind === 'club'} @change=${() => (this.kind = 'club')} /> A club tablet</label>
        </fieldset>
        ${this.kind === 'poster' ? html`
          <fieldset>
            <legend>Which classes does it show?</legend>
            ${this.classes.map((c) => html`<label class="choice"><input type="checkbox" name="classIds" value=${c.id} /> ${c.name}</label>`)}
          </fieldset>` : html`
          <label for="clubId">Which club?</label>
          <select id="clubId" name="clubId" required>${this.clubs.map((c) => html`<option value=${c.id}>${c.name}</option>`)}</select>`}
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <div class="actions"><button type="submit">Pair device</button></div>
      </form>
      <p role="status">${this.message}</p>
      <h3>Paired devices</h3>
      <table>
        <thead><tr><th>Name</th><th>Kind</th><th>Shows</th><th>Last seen</th><th>Version</th><th><span class="visually-hidden">Actions</span></th></tr></thead>
        <tbody>
          ${this.devices.map((d) => html`<tr>
            <td>${d.label}</td><td>${d.kind === 'poster' ? 'Poster screen' : 'Club tablet'}</td><td>${this.target(d)}</td>
            <td>${d.revokedAt ? 'revoked' : when(d.lastSeenAt)}</td><td>${d.appVersion ?? '—'}</td>
            <td>${d.revokedAt ? '' : html`<button class="danger" @click=${() => void this.revoke(d)} aria-label=${`Revoke ${d.label}`}>Revoke</button>`}</td>
          </tr>`)}
        </tbody>
      </table>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'lc-devices-page': LcDevicesPage }
}
