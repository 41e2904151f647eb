/**
 * Long run: 10,000 `display:class` pushes to one poster page, each with a changed prompt
 * (so each one re-renders and refits the card, as an edit does), in chunks that wait for
 * the page to have them. JS heap after a forced GC (CDP) before and after, once the
 * queued IndexedDB writes have drained: what a poster that runs for weeks would keep.
 */
import type { DisplayClass } from '../../shared/schemas.ts';
import { room } from '../../server/realtime/rooms.ts';
import type { PosterWorld } from './lib/poster-world.ts';
import type { Row } from './lib/report.ts';

const CHUNK = 250;

export async function longRun(world: PosterWorld, pushes: number, aimMb: number): Promise<Row[]> {
  const { t, poster } = world;
  const cdp = await poster.context.newCDPSession(poster.page);
  const heap = async (): Promise<number> => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const school = (await t.app.services.storage.schools.get(world.school.schoolId))!;
  const [cls] = await t.app.services.planning.displayClasses(school, [world.school.classId]);
  if (!cls) throw new Error('no class to push');
  const received = () => poster.frames.filter((f) => f.includes('"display:class"')).length;
  let sent = received();

  const pushChunk = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const k = ++sent;
      const changed: DisplayClass = { ...cls, prompts: cls.prompts.map((p) => ({ ...p, prompt: `${p.prompt} (${k % 10})` })) };
      t.app.io.to(room.classDisplays(cls.id)).emit('display:class', { cls: changed, serverNow: t.clock.now() });
    }
    const deadline = Date.now() + 60_000;
    while (received() < sent) {
      if (Date.now() > deadline) throw new Error(`the poster had ${received()} of ${sent} pushes after a minute`);
      await new Promise((r) => setTimeout(r, 20));
    }
    // A round trip through the page's task queue: the pushes before it have been handled.
    await poster.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  };

  await pushChunk(200);
  const before = await heap();
  const t0 = Date.now();
  for (let done = 0; done < pushes; done += CHUNK) await pushChunk(Math.min(CHUNK, pushes - done));
  const ms = Date.now() - t0;
  // Each push also queues an IndexedDB write of the state; at a hundred pushes a second
  // (a real poster gets a few a day) they back up for a moment. Measure once they have drained.
  const backlog = await heap();
  let after = backlog;
  for (let i = 0, last = Number.POSITIVE_INFINITY; i < 60 && Math.abs(last - after) > 64 * 1024; i++) {
    await new Promise((r) => setTimeout(r, 500));
    last = after;
    after = await heap();
  }
  const growthMb = (after - before) / 2 ** 20;
  console.log(`  long run: ${pushes} pushes in ${(ms / 1000).toFixed(1)} s; heap ${(before / 2 ** 20).toFixed(2)} → ${(after / 2 ** 20).toFixed(2)} MB (${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(3)} MB; ${(backlog / 2 ** 20).toFixed(2)} MB with the IndexedDB writes still queued)`);
  return [{
    scenario: `long run ${pushes} pushes`, measure: 'poster JS heap growth after GC', unit: 'MB', ours: growthMb, baseline: null,
    aim: `≤ ${aimMb} MB`, met: growthMb <= aimMb, detail: { beforeBytes: before, backlogBytes: backlog, afterBytes: after, ms },
  }];
}
