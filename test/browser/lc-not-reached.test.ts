import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../client/components/lc-not-reached.ts';
import type { AddToClubDetail, LcNotReached } from '../../client/components/lc-not-reached.ts';
import type { NotReached } from '../../shared/events.ts';
import type { Child, Club } from '../../shared/schemas.ts';

const child = (id: string, displayName: string) => ({ id, displayName, schoolId: 's', classId: 'oak', yearGroup: 1, needsPartner: false }) as Child;
const clubs: Club[] = [{ id: 'k1', schoolId: 's', name: 'Breakfast club' }, { id: 'k2', schoolId: 's', name: 'After-school club' }];
const state: NotReached = { date: '2026-03-11', thisWeek: [child('a', 'Amira K.'), child('f', 'Farah N.')], lastFiveSchoolDays: [child('f', 'Farah N.')] };

describe('lc-not-reached', () => {
  it('lists both groups and adds the children not reached this week to the chosen club', async () => {
    const el = await fixture<LcNotReached>(html`<lc-not-reached .notReached=${state} .clubs=${clubs}></lc-not-reached>`);
    const root = el.shadowRoot!;
    expect(root.querySelector('#none-this-week')!.textContent).to.equal('No conversation yet this week (2)');
    expect([...root.querySelectorAll('ul[aria-labelledby="none-five-days"] li')].map((li) => li.textContent)).to.deep.equal(['Farah N.']);
    const select = root.querySelector('select')!;
    select.value = 'k2';
    select.dispatchEvent(new Event('change'));
    const sent = oneEvent(el, 'lc-add-to-club');
    root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    expect(((await sent) as CustomEvent<AddToClubDetail>).detail).to.deep.equal({ clubId: 'k2', childIds: ['a', 'f'] });
    await expect(el).to.be.accessible();
  });

  it('says so when everyone has been reached, and offers no action', async () => {
    const el = await fixture<LcNotReached>(html`<lc-not-reached .notReached=${{ date: '2026-03-13', thisWeek: [], lastFiveSchoolDays: [] }} .clubs=${clubs}></lc-not-reached>`);
    expect(el.shadowRoot!.querySelectorAll('.all')).to.have.length(2);
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
  });
});
