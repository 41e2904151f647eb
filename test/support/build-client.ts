/** vitest global setup: the e2e tests serve the built PWA, so build it once if it is stale. */
import { buildIfStale } from '../../server/start.ts';

export default async function setup(): Promise<void> {
  await buildIfStale();
}
