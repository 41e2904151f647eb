import { expect, fixture, html } from '@open-wc/testing';
import '../../client/views/staff/lc-password-page.ts';
import type { LcPasswordPage } from '../../client/views/staff/lc-password-page.ts';

describe('lc-password-page', () => {
  it('has labelled fields, no accessibility violations, and says when the new passwords differ', async () => {
    const el = await fixture<LcPasswordPage>(html`<lc-password-page></lc-password-page>`);
    const root = el.shadowRoot!;
    await expect(el).to.be.accessible();
    const fill = (id: string, v: string) => { root.querySelector<HTMLInputElement>(`#${id}`)!.value = v; };
    fill('current', 'old password 1');
    fill('next', 'new password 22');
    fill('again', 'new password 23');
    root.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    expect(root.querySelector('[role="alert"]')!.textContent).to.equal('The two new passwords are not the same.');
  });
});
