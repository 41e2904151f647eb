import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupYearGap, scoreGroups, suggestGroups, type PairingChild } from '../../shared/pairing.ts';

/** Every grouping into pairs, plus exactly one trio when the count is odd. */
function* allGroupings(ids: readonly string[]): Generator<string[][]> {
  if (ids.length === 0) return yield [];
  if (ids.length === 1) return yield [[ids[0]!]];
  const [first, ...rest] = ids as [string, ...string[]];
  const trioStillNeeded = rest.length % 2 === 0; // odd count overall, and first may take it
  for (let i = 0; i < rest.length; i++) {
    const left = rest.filter((_, x) => x !== i);
    if (left.length !== 1) for (const g of allGroupings(left)) yield [[first, rest[i]!], ...g];
    if (!trioStillNeeded) continue;
    for (let j = i + 1; j < rest.length; j++) {
      for (const g of pairsOnly(rest.filter((_, x) => x !== i && x !== j))) yield [[first, rest[i]!, rest[j]!], ...g];
    }
  }
}

function* pairsOnly(ids: readonly string[]): Generator<string[][]> {
  if (ids.length === 0) return yield [];
  const [first, ...rest] = ids as [string, ...string[]];
  for (let i = 0; i < rest.length; i++) {
    for (const g of pairsOnly(rest.filter((_, x) => x !== i))) yield [[first, rest[i]!], ...g];
  }
}

/** The lexicographic optimum by brute force: fewest same-class groups, then largest total gap. */
function bruteForceBest(children: readonly PairingChild[]): { sameClassGroups: number; totalGap: number } {
  let best = { sameClassGroups: Infinity, totalGap: -Infinity };
  for (const g of allGroupings(children.map((c) => c.id))) {
    const s = scoreGroups(g, children);
    if (s.sameClassGroups < best.sameClassGroups || (s.sameClassGroups === best.sameClassGroups && s.totalGap > best.totalGap)) best = s;
  }
  return best;
}

const childrenArb = (maxLength: number, classes = ['a', 'b', 'c', 'd']) =>
  fc.uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z0-9]{1,4}$/),
      classId: fc.constantFrom(...classes),
      yearGroup: fc.integer({ min: 0, max: 6 }),
    }),
    { selector: (c) => c.id, maxLength },
  );

const withShuffle = <T>(arb: fc.Arbitrary<T[]>) =>
  arb.chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length })));

const kids = (spec: string): PairingChild[] =>
  // 'id:class:year' separated by spaces; year R is 0
  spec.split(' ').map((s) => {
    const [id, classId, y] = s.split(':') as [string, string, string];
    return { id, classId, yearGroup: y === 'R' ? 0 : Number(y) };
  });

describe('suggestGroups: shape', () => {
  it('handles empty and single inputs', () => {
    expect(suggestGroups([])).toEqual([]);
    expect(suggestGroups(kids('amy:a:3'))).toEqual([['amy']]);
  });

  it('puts every child in exactly one group: pairs, and one trio only when the count is odd', () => {
    fc.assert(
      fc.property(childrenArb(40, ['a', 'b', 'c', 'd', 'e', 'f']), (children) => {
        const groups = suggestGroups(children);
        expect(groups.flat().sort()).toEqual(children.map((c) => c.id).sort());
        const sizes = groups.map((g) => g.length);
        if (children.length === 1) expect(sizes).toEqual([1]);
        else {
          expect(sizes.every((s) => s === 2 || s === 3)).toBe(true);
          expect(sizes.filter((s) => s === 3).length).toBe(children.length % 2);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('orders groups by oldest member, and each group oldest first', () => {
    fc.assert(
      fc.property(childrenArb(30), (children) => {
        const byId = new Map(children.map((c) => [c.id, c]));
        const groups = suggestGroups(children);
        const heads = groups.map((g) => byId.get(g[0]!)!.yearGroup);
        expect(heads).toEqual([...heads].sort((a, b) => b - a));
        for (const g of groups) {
          const years = g.map((id) => byId.get(id)!.yearGroup);
          expect(years).toEqual([...years].sort((a, b) => b - a));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('is stable: any order of the same children gives the same groups', () => {
    fc.assert(
      fc.property(withShuffle(childrenArb(30)), ([children, shuffled]) => {
        expect(suggestGroups(shuffled)).toEqual(suggestGroups(children));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects duplicate ids', () => {
    expect(() => suggestGroups(kids('a:x:1 a:y:2'))).toThrow(/duplicate/);
  });
});

describe('suggestGroups: optimal against brute force (n ≤ 9)', () => {
  it('same-class groups equal the minimum possible, and total gap the maximum at that minimum', () => {
    fc.assert(
      fc.property(childrenArb(9), (children) => {
        expect(scoreGroups(suggestGroups(children), children)).toEqual(bruteForceBest(children));
      }),
      { numRuns: 1500 },
    );
  });

  it('also when most children share a class (the hard constraint bites)', () => {
    fc.assert(
      fc.property(childrenArb(9, ['a', 'a', 'a', 'b', 'c']), (children) => {
        expect(scoreGroups(suggestGroups(children), children)).toEqual(bruteForceBest(children));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('suggestGroups: examples', () => {
  it('folds: oldest with youngest', () => {
    expect(suggestGroups(kids('y6:a:6 y5:b:5 y1:c:1 r:d:R'))).toEqual([['y6', 'r'], ['y5', 'y1']]);
  });

  it('avoids a same-class pair even at the cost of the fold shape', () => {
    // Fold would put y6 with r, both in Oak.
    expect(suggestGroups(kids('y6:oak:6 r:oak:R y5:ash:5 y1:ash:1'))).toEqual([['y6', 'y1'], ['y5', 'r']]);
  });

  it('pairs within a class only when there is no other way', () => {
    // Three of four in Oak: one Oak pair is unavoidable, and the fold decides which.
    const children = kids('a:oak:6 b:oak:5 c:oak:2 d:ash:R');
    const groups = suggestGroups(children);
    expect(groups).toEqual([['a', 'd'], ['b', 'c']]);
    expect(scoreGroups(groups, children).sameClassGroups).toBe(1);
  });

  it('puts the middle child into the widest pair to make the trio', () => {
    expect(suggestGroups(kids('y6:a:6 y5:b:5 y3:c:3 y1:d:1 r:e:R'))).toEqual([['y6', 'y3', 'r'], ['y5', 'y1']]);
  });

  it('keeps the trio free of a shared class', () => {
    // y3 shares Oak with y6, so it joins y5 + y1 instead.
    expect(suggestGroups(kids('y6:oak:6 y5:b:5 y3:oak:3 y1:d:1 r:e:R'))).toEqual([['y6', 'r'], ['y5', 'y3', 'y1']]);
  });

  it('breaks ties by id', () => {
    expect(suggestGroups(kids('zed:a:4 ann:b:4 bob:c:2 cat:d:2'))).toEqual([['ann', 'bob'], ['zed', 'cat']]);
  });

  it('measures a group by its oldest minus youngest', () => {
    const byId = new Map(kids('a:x:6 b:y:3 c:z:R').map((c) => [c.id, c]));
    expect(groupYearGap(['a', 'b', 'c'], byId)).toBe(6);
    expect(groupYearGap(['b'], byId)).toBe(0);
  });
});

describe('suggestGroups: size', () => {
  it('groups 60 children (and 59) quickly', () => {
    const classes = ['oak', 'ash', 'elm', 'yew', 'fir', 'bay', 'box'];
    for (const n of [60, 59]) {
      const children = Array.from({ length: n }, (_, i) => ({ id: `c${i}`, classId: classes[i % 7]!, yearGroup: i % 7 }));
      const start = performance.now();
      const groups = suggestGroups(children);
      expect(performance.now() - start).toBeLessThan(500);
      expect(groups.flat()).toHaveLength(n);
      expect(scoreGroups(groups, children).sameClassGroups).toBe(0);
    }
  });
});
