/**
 * Faults, small enough for `npm test` (the bench runs the full-size drills, see
 * docs/PERFORMANCE.md): the server killed with SIGKILL in the middle of a sync storm,
 * a restart with 200 screens connected, and every client→server event fuzzed. Each
 * property was seen to fail once broken on purpose (acking before storing, reconnecting
 * without jitter, an unknown event left unanswered).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { killDuringStorm, restartUnderScreens } from '../bench/lib/faults.ts';
import { callOnce, fuzzCall, isResult } from '../bench/lib/fuzz.ts';
import { posterToken, seedAdmin, seedClubTablets, seedPosterSchool, tabletToken } from '../bench/lib/seed.ts';
import { call, connectDevice, connectSocket, startTestApp, tempDir, type TestSocket } from '../support/test-app.ts';

const cleanup: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const undo of cleanup.splice(0).reverse()) await undo();
});

describe('SIGKILL in the middle of a sync storm', () => {
  it('loses no acked log, and the resend stores none twice', async () => {
    const drill = await killDuringStorm(tempDir(), 10, 200, 600);
    expect(drill.killed).toBe(true);
    expect(drill.cutOff, 'tablets cut off by the kill').toBeGreaterThan(0);
    expect(drill.lostAtKill, 'acked logs missing after the kill').toBe(0);
    expect(drill.ackedAfterResend).toBe(2_000);
    expect(drill).toMatchObject({ rows: 2_000, distinct: 2_000, lostAfterResend: 0 });
  });
});

describe('a restart with 200 screens connected', () => {
  it('resyncs every screen within 10 s, the reconnects spread by jitter', async () => {
    const drill = await restartUnderScreens(tempDir(), 200);
    expect(drill.resynced).toBe(200);
    expect(drill.lastResyncMs, 'the last screen resynced (ms after the server was back)').toBeLessThan(10_000);
    // Jitter, not a stampede: the middle 80% of reconnects take over a second, and no
    // one-second window holds more than 60% of them.
    expect(drill.p90 - drill.p10).toBeGreaterThan(1_000);
    expect(drill.busiestSecondShare).toBeLessThan(0.6);
  }, 45_000);
});

describe('fuzzing every client→server event', () => {
  it('answers every call with a Result, as an admin, a poster screen and a club tablet', async () => {
    const dataDir = tempDir();
    await seedPosterSchool(dataDir, 1);
    await seedClubTablets(dataDir, 1, 0);
    const admin = await seedAdmin(dataDir);
    const t = await startTestApp({ dataDir });
    cleanup.push(() => t.close());
    const sockets: Record<string, TestSocket> = {
      admin: await connectSocket(t, { cookie: admin.cookie }),
      poster: await connectDevice(t, posterToken(0)),
      club: await connectDevice(t, tabletToken(0)),
    };
    cleanup.push(() => Object.values(sockets).forEach((s) => s.disconnect()));

    for (const [who, socket] of Object.entries(sockets)) {
      await fc.assert(fc.asyncProperty(fuzzCall, async (c) => {
        const r = await callOnce(socket as never, c, 2_000);
        expect(r.answered, `${who}: no answer to ${JSON.stringify(c).slice(0, 200)}`).toBe(true);
        expect(isResult(r.result), `${who}: not a Result: ${JSON.stringify(r.result).slice(0, 200)}`).toBe(true);
      }), { numRuns: 200, endOnFailure: true });
      // Still there, and still this caller.
      expect(socket.connected).toBe(true);
      expect((await call(socket, 'session:whoami', {})).ok).toBe(true);
    }
  }, 45_000);
});
