import { expect, fixture, html } from '@open-wc/testing';
import '../../client/views/lc-welcome-view.ts';
import type { LcWelcomeView } from '../../client/views/lc-welcome-view.ts';

describe('lc-welcome-view', () => {
  it('offers a labelled sign-in form and pairing, with no accessibility violations', async () => {
    const el = await fixture<LcWelcomeView>(html`<lc-welcome-view></lc-welcome-view>`);
    const email = el.shadowRoot!.querySelector<HTMLInputElement>('#email')!;
    expect(email.labels?.[0]?.textContent).to.equal('Email');
    const buttons = [...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent?.trim());
    expect(buttons).to.include('Sign in');
    expect(buttons).to.include('Pair this device');
    await expect(el).to.be.accessible();
  });
});
