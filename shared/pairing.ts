/**
 * Suggests peer groups for the after-school club: children with no one at home talk
 * with a partner of a different age, ideally from another class. Pure and deterministic.
 *
 * The objective, lexicographic, and exact (test/unit/pairing.test.ts checks it against
 * brute force over every grouping):
 *   1. fewest groups holding two children of the same class;
 *   2. then the largest total year gap, a group's gap being its oldest minus its youngest
 *      year group (a trio's middle child adds nothing to it).
 * Among equally good answers it prefers the "fold" shape (oldest with youngest: the largest
 * sum of squared gaps within the split below) and then the lowest ids. It does not maximise
 * the smallest gap: for Y6, Y5, Y1, R that would give Y6+Y1, Y5+R rather than Y6+R, Y5+Y1.
 *
 * Why no search is needed:
 *  - Even count. Split the children, oldest first, into an older half O and a younger half Y.
 *    Any pairing's total gap is at most sum(O) − sum(Y), and every pairing that joins O to Y
 *    reaches it. The fewest same-class pairs of any pairing is max(0, largest class − n/2),
 *    and pairings between O and Y reach it too (Hall's theorem: only older children all of
 *    one class C can run short of younger partners outside C, and by |C| − n/2 at most).
 *    So: split, then solve one assignment problem (Hungarian, O(n³)).
 *  - Odd count. Try every trio (C(60,3) ≈ 34k), score the rest with the two closed forms
 *    above, keep the best, then pair the rest as for an even count. The trio's shape follows
 *    the same fold preference, so the middle child usually joins the widest pair.
 */

export type PairingChild = { id: string; classId: string; yearGroup: number };

/** Oldest first, then id: every step works in this order, so the input order never matters. */
const oldestFirst = (a: PairingChild, b: PairingChild): number =>
  b.yearGroup - a.yearGroup || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const member = (byId: ReadonlyMap<string, PairingChild>, id: string): PairingChild => {
  const child = byId.get(id);
  if (!child) throw new Error(`unknown child id ${id}`);
  return child;
};

/** A group's year gap: oldest minus youngest year group. 0 for a child on their own. */
export function groupYearGap(group: readonly string[], byId: ReadonlyMap<string, PairingChild>): number {
  const years = group.map((id) => member(byId, id).yearGroup);
  return years.length === 0 ? 0 : Math.max(...years) - Math.min(...years);
}

/** True when two children of the group share a class. */
export function isSameClassGroup(group: readonly string[], byId: ReadonlyMap<string, PairingChild>): boolean {
  return new Set(group.map((id) => member(byId, id).classId)).size < group.length;
}

/** The two numbers the objective is made of, for any grouping. */
export function scoreGroups(
  groups: readonly (readonly string[])[],
  children: readonly PairingChild[],
): { sameClassGroups: number; totalGap: number } {
  const byId = new Map(children.map((c) => [c.id, c]));
  let sameClassGroups = 0;
  let totalGap = 0;
  for (const g of groups) {
    if (isSameClassGroup(g, byId)) sameClassGroups++;
    totalGap += groupYearGap(g, byId);
  }
  return { sameClassGroups, totalGap };
}

export function suggestGroups(children: readonly PairingChild[]): string[][] {
  if (new Set(children.map((c) => c.id)).size !== children.length) throw new Error('duplicate child id');
  const sorted = [...children].sort(oldestFirst);
  let groups: PairingChild[][];
  if (sorted.length < 2) groups = sorted.map((c) => [c]); // alone: paired with staff
  else if (sorted.length % 2 === 0) groups = pairUp(sorted);
  else {
    const [i, j, k] = bestTrio(sorted);
    const trio = [sorted[i]!, sorted[j]!, sorted[k]!];
    groups = [trio, ...pairUp(sorted.filter((_, x) => x !== i && x !== j && x !== k))];
  }
  return groups
    .map((g) => g.sort(oldestFirst))
    .sort((a, b) => oldestFirst(a[0]!, b[0]!))
    .map((g) => g.map((c) => c.id));
}

/** Pairs an even number of children, sorted oldest first, optimally (see the header). */
function pairUp(sorted: readonly PairingChild[]): PairingChild[][] {
  if (sorted.length === 0) return [];
  const half = sorted.length / 2;
  const older = sorted.slice(0, half);
  // Youngest first (equal years by id), so index i against index i is the fold.
  const younger = sorted.slice(half).sort((a, b) => a.yearGroup - b.yearGroup || oldestFirst(a, b));
  const spread = sorted[0]!.yearGroup - sorted[sorted.length - 1]!.yearGroup;
  // One same-class pair must cost more than all the squared gaps together can win back.
  const sameClassCost = 1 + half * spread * spread;
  const partner = assignMin(half, (o, y) => {
    const a = older[o]!;
    const b = younger[y]!;
    const gap = a.yearGroup - b.yearGroup;
    return (a.classId === b.classId ? sameClassCost : 0) - gap * gap;
  });
  return older.map((a, o) => [a, younger[partner[o]!]!]);
}

/** Indexes into `sorted` (odd length ≥ 3) of the trio that leaves the best grouping overall. */
function bestTrio(sorted: readonly PairingChild[]): [number, number, number] {
  const n = sorted.length;
  const classIds = [...new Set(sorted.map((c) => c.classId))];
  const cls = sorted.map((c) => classIds.indexOf(c.classId));
  const counts = classIds.map((_, c) => cls.filter((x) => x === c).length);
  const year = sorted.map((c) => c.yearGroup);
  const restPairs = (n - 3) / 2;

  let best: [number, number, number] = [0, 1, 2];
  let bestKey = [Infinity, 0, 0];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (let k = j + 1; k < n; k++) {
        const ci = cls[i]!, cj = cls[j]!, ck = cls[k]!;
        const trioSameClass = ci === cj || cj === ck || ci === ck ? 1 : 0;
        let largestRestClass = 0;
        for (let c = 0; c < counts.length; c++) {
          const left = counts[c]! - (ci === c ? 1 : 0) - (cj === c ? 1 : 0) - (ck === c ? 1 : 0);
          if (left > largestRestClass) largestRestClass = left;
        }
        const sameClass = trioSameClass + Math.max(0, largestRestClass - restPairs);
        const rest = year.filter((_, x) => x !== i && x !== j && x !== k);
        const trioGap = year[i]! - year[k]!;
        let gap = trioGap;
        let squares = trioGap * trioGap; // tie-break towards the fold shape, as pairUp does
        for (let x = 0; x < restPairs; x++) {
          const d = rest[x]! - rest[rest.length - 1 - x]!;
          gap += d;
          squares += d * d;
        }
        // Lower is better. Strictly better only, so ties keep the earliest (oldest, lowest ids).
        const key = [sameClass, -gap, -squares];
        if (lexLess(key, bestKey)) {
          best = [i, j, k];
          bestKey = key;
        }
      }
    }
  }
  return best;
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let x = 0; x < a.length; x++) if (a[x] !== b[x]) return a[x]! < b[x]!;
  return false;
}

/**
 * Minimum-cost perfect assignment of n rows to n columns (the Hungarian method with
 * potentials, O(n³)). Returns the column of each row. Arrays are 1-based inside, with
 * row and column 0 as the sentinels the method needs.
 */
function assignMin(n: number, cost: (row: number, col: number) => number): number[] {
  const u = new Array<number>(n + 1).fill(0);
  const v = new Array<number>(n + 1).fill(0);
  const rowOfCol = new Array<number>(n + 1).fill(0);
  const way = new Array<number>(n + 1).fill(0);
  for (let r = 1; r <= n; r++) {
    rowOfCol[0] = r;
    let c0 = 0;
    const minv = new Array<number>(n + 1).fill(Infinity);
    const used = new Array<boolean>(n + 1).fill(false);
    do {
      used[c0] = true;
      const r0 = rowOfCol[c0]!;
      let delta = Infinity;
      let c1 = 0;
      for (let c = 1; c <= n; c++) {
        if (used[c]) continue;
        const reduced = cost(r0 - 1, c - 1) - u[r0]! - v[c]!;
        if (reduced < minv[c]!) {
          minv[c] = reduced;
          way[c] = c0;
        }
        if (minv[c]! < delta) {
          delta = minv[c]!;
          c1 = c;
        }
      }
      for (let c = 0; c <= n; c++) {
        if (used[c]) {
          const row = rowOfCol[c]!;
          u[row] = u[row]! + delta;
          v[c] = v[c]! - delta;
        } else {
          minv[c] = minv[c]! - delta;
        }
      }
      c0 = c1;
    } while (rowOfCol[c0] !== 0);
    // Walk the augmenting path back, shifting each column to its new row.
    do {
      const c1 = way[c0]!;
      rowOfCol[c0] = rowOfCol[c1]!;
      c0 = c1;
    } while (c0 !== 0);
  }
  const colOfRow = new Array<number>(n).fill(0);
  for (let c = 1; c <= n; c++) colOfRow[rowOfCol[c]! - 1] = c - 1;
  return colOfRow;
}
