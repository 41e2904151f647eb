/** The demo school still has this week's plan when it is started again weeks later. */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar.ts';
import { bootstrap } from '../../server/bootstrap.ts';
import { ManualClock } from '../../server/clock.ts';
import { readConfig } from '../../server/config.ts';
import { IdentityService } from '../../server/services/identity.ts';
import { openSqliteStorage } from '../../server/storage/sqlite-storage.ts';
import { tempDir } from '../support/test-app.ts';

describe('demo school', () => {
  it('publishes the current week again on a later start, leaving earlier weeks alone', async () => {
    const dir = tempDir();
    const config = readConfig({ DATA_DIR: dir }, { staticDir: null, appVersion: 'test' });
    const clock = new ManualClock(Date.parse('2026-03-04T10:00:00Z')); // a Wednesday
    const storage = openSqliteStorage(dir);
    const identity = new IdentityService(storage, clock);
    const { school } = await bootstrap(storage, identity, clock, config, 'http://x');
    const classes = await storage.classes.list(school.id);
    const published = async (monday: string) =>
      (await storage.prompts.listRange(school.id, classes.map((c) => c.id), monday, addDays(monday, 4))).filter((p) => p.status === 'published').length;
    expect(await published('2026-03-02')).toBe(15);

    clock.set(Date.parse('2026-03-28T10:00:00Z')); // a Saturday, three weeks on: next week is the one that matters
    await bootstrap(storage, identity, clock, config, 'http://x');
    expect(await published('2026-03-30')).toBe(15);
    expect(await published('2026-03-23')).toBe(0);
    // Nothing is planned twice over.
    await bootstrap(storage, identity, clock, config, 'http://x');
    expect(await published('2026-03-30')).toBe(15);
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
