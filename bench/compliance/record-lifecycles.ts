import { RecordedEvent } from '@suyuan/eventstore/event-store.port';
import { ApiClient } from '../../apps/cli/src/world';
import { ADMIN_KEY, startTestApp } from '../../test/support/test-app';
import { buildWorld } from './world';
import { lifecycleLoad } from './lifecycle-load';

const DAY = 86_400_000;

/** `seconds` of whole batch lifecycles (8 clients) through the API of an in-process app, as the events they recorded. */
export async function recordLifecycles(seconds: number): Promise<{ events: RecordedEvent[]; lifecycles: number }> {
  const app = await startTestApp();
  try {
    const api = new ApiClient(app.baseUrl);
    const world = await buildWorld(api, ADMIN_KEY);
    let n = 0;
    const base = Date.now() - 90 * DAY;
    const run = await lifecycleLoad(api, world, 8, seconds, () => ({ n: n++, t0: base + n * 20 * 60_000 }));
    return { events: await app.running.storage.events.readAll(), lifecycles: run.lifecycles };
  } finally {
    await app.close();
  }
}
