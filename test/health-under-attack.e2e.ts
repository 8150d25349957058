import { ApiClient } from '../apps/cli/src/world';
import { attack } from './support/attack';
import { registerCountyOrg } from './support/fixtures';
import { TestApp, startTestApp } from './support/test-app';

describe('/health keeps answering while four clients send the worst bodies', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.close());

  it('answers every /health with 200, and refuses every attack with a 4xx', async () => {
    const carrier = await registerCountyOrg(new ApiClient(app.baseUrl).call, 'logistics');
    let stop!: () => void;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    const attacking = attack({ baseUrl: app.baseUrl, logisticsKey: carrier.key }, 4, stopped);
    const health: number[] = [];
    // A monitor's probes, one after the other, for as long as the attack lasts.
    const started = Date.now();
    while (Date.now() - started < 4_000) health.push((await fetch(`${app.baseUrl}/health`)).status);
    stop();
    const attacks = await attacking;

    expect(health.length).toBeGreaterThan(10);
    expect(health.filter((status) => status !== 200)).toEqual([]);
    expect(attacks.length).toBeGreaterThanOrEqual(20);
    expect(attacks.filter((status) => status < 400 || status >= 500)).toEqual([]);
  });
});
