import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_GROUP, moveChild, reconcileGroups, swapChildren, withStaff, type Groups } from '../../client/state/club-groups.ts';
import { suggestGroups } from '../../shared/pairing.ts';

const childrenArb = fc.uniqueArray(
  fc.record({ id: fc.stringMatching(/^[a-z]{1,3}$/), classId: fc.constantFrom('a', 'b', 'c'), yearGroup: fc.integer({ min: 0, max: 6 }) }),
  { selector: (c) => c.id, minLength: 1, maxLength: 20 },
);

/** Suggested groups plus two children picked from them (possibly the same one). */
const editArb = childrenArb.chain((children) => fc.tuple(
  fc.constant(suggestGroups(children)),
  fc.constantFrom(...children.map((c) => c.id)),
  fc.constantFrom(...children.map((c) => c.id)),
));

const sortedIds = (groups: Groups) => groups.flat().sort();

describe('staff changes to the groups', () => {
  it('keep every child in exactly one group, and no group above three', () => {
    fc.assert(fc.property(editArb, fc.nat(), ([groups, a, b], target) => {
      for (const edited of [swapChildren(groups, a, b), moveChild(groups, a, target % groups.length), withStaff(groups, a)]) {
        expect(sortedIds(edited)).toEqual(sortedIds(groups));
        expect(edited.every((g) => g.length >= 1 && g.length <= MAX_GROUP)).toBe(true);
      }
    }), { numRuns: 300 });
  });

  it('swap exchanges two places and leaves every other child where it was', () => {
    const groups = [['a', 'b'], ['c', 'd'], ['e']];
    expect(swapChildren(groups, 'a', 'd')).toEqual([['d', 'b'], ['c', 'a'], ['e']]);
    expect(swapChildren(groups, 'a', 'e')).toEqual([['e', 'b'], ['c', 'd'], ['a']]);
  });

  it('move makes a trio, drops an emptied group, and refuses a fourth member', () => {
    expect(moveChild([['a', 'b'], ['c']], 'c', 0)).toEqual([['a', 'b', 'c']]);
    const trio = [['a', 'b', 'c'], ['d', 'e']];
    expect(moveChild(trio, 'd', 0)).toBe(trio);
  });

  it('"with staff" takes a child out on their own', () => {
    expect(withStaff([['a', 'b', 'c']], 'b')).toEqual([['a', 'c'], ['b']]);
    const alone = [['a', 'b'], ['c']];
    expect(withStaff(alone, 'c')).toBe(alone);
  });
});

describe('accepted groups as children come and go', () => {
  it('are unchanged when nobody came or went (stable when nothing changes)', () => {
    fc.assert(fc.property(editArb, ([groups]) => {
      expect(reconcileGroups(groups, groups.flat())).toEqual(groups);
    }), { numRuns: 200 });
  });

  it('lose a child who left, keep the others in place, and put a newcomer with staff', () => {
    fc.assert(fc.property(editArb, fc.stringMatching(/^[A-Z]{2}$/), ([groups, leaver], newcomer) => {
      const present = [...groups.flat().filter((id) => id !== leaver), newcomer];
      const next = reconcileGroups(groups, present);
      expect(sortedIds(next)).toEqual([...present].sort());
      expect(next.at(-1)).toEqual([newcomer]);
      const untouched = groups.filter((g) => !g.includes(leaver));
      for (const g of untouched) expect(next).toContainEqual(g);
    }), { numRuns: 200 });
  });
});
