/**
 * Staff's changes to today's groups, as pure functions over lists of child ids. A group of one
 * talks with a member of staff; two or three talk together. Nothing here renders or stores.
 */
export type Groups = string[][];

/** The most children one conversation card is laid out for. */
export const MAX_GROUP = 3;

const without = (groups: Groups, childId: string): Groups =>
  groups.map((g) => g.filter((id) => id !== childId)).filter((g) => g.length > 0);

/** Swaps two children, each taking the other's place (in another group, or the same one). */
export function swapChildren(groups: Groups, a: string, b: string): Groups {
  return groups.map((g) => g.map((id) => (id === a ? b : id === b ? a : id)));
}

/** Moves a child into the group at `target` (index in `groups`), if it has room. */
export function moveChild(groups: Groups, childId: string, target: number): Groups {
  const dest = groups[target];
  if (!dest || dest.includes(childId) || dest.length >= MAX_GROUP) return groups;
  return groups.map((g, i) => (i === target ? [...g, childId] : g.filter((id) => id !== childId))).filter((g) => g.length > 0);
}

/** Takes a child out of their group to talk with a member of staff. */
export function withStaff(groups: Groups, childId: string): Groups {
  if (groups.some((g) => g.length === 1 && g[0] === childId)) return groups;
  return [...without(groups, childId), [childId]];
}

/**
 * Keeps the groups staff accepted while children come and go: an absent child leaves their
 * group, and a child marked present later waits on their own (with staff) until staff move
 * them. When nobody came or went, the groups come back unchanged.
 */
export function reconcileGroups(groups: Groups, presentIds: readonly string[]): Groups {
  const present = new Set(presentIds);
  const kept = groups.map((g) => g.filter((id) => present.has(id))).filter((g) => g.length > 0);
  const placed = new Set(kept.flat());
  return [...kept, ...presentIds.filter((id) => !placed.has(id)).map((id) => [id])];
}
