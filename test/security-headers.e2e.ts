import { ApiClient, Call } from '../apps/cli/src/world';
import { sendRaw } from './support/raw-request';
import { SmallWorld, harvestedBatch, pack, smallWorld } from './support/small-world';
import { TestApp, startTestApp } from './support/test-app';

const NOT_FRAMED_NOT_SNIFFED = { 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'no-referrer' };
const API_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
/** The scan pages' policy: no script, nothing loaded, only their own inline style (by hash). */
const PAGE_POLICY =
  /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'$/;

function securityHeaders(headers: Headers) {
  const policy = headers.get('content-security-policy');
  return { policy, ...Object.fromEntries(Object.keys(NOT_FRAMED_NOT_SNIFFED).map((name) => [name, headers.get(name)])) };
}

describe('security headers on every answer, JSON and HTML, errors included', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let code: string;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call);
    code = (await pack(call, w, await harvestedBatch(call, w), 2, 2)).items[0].code;
  });
  afterAll(() => app.close());

  it('on API answers and their errors: nothing may run, load or frame them', async () => {
    const answers = {
      ok: await call('GET', '/api/me', { key: w.coop.key }),
      created: await call('POST', '/api/facilities', {
        key: w.coop.key,
        body: { type: 'farm_plot', name: '二号地块', region: { county: '乐昌市' } },
      }),
      invalid: await call('POST', '/api/batches', { key: w.coop.key, body: { productId: 1 } }),
      unauthorized: await call('GET', '/api/me'),
      notFound: await call('GET', '/api/batches/B0000000000000', { key: w.coop.key }),
      noRoute: await call('GET', '/no/such/route'),
      health: await call('GET', '/health'),
      qr: await call('GET', `/t/${code}/qr.svg`),
      openApi: await call('GET', '/api/docs-json'),
    };
    for (const [name, answer] of Object.entries(answers)) {
      expect([name, securityHeaders(answer.headers)]).toEqual([name, { policy: API_POLICY, ...NOT_FRAMED_NOT_SNIFFED }]);
    }
    expect(answers.invalid.status).toBe(400);
    expect(answers.noRoute.status).toBe(404);
  });

  it('on refusals made before any route: a body too large, a malformed URL', async () => {
    const tooLarge = await sendRaw(`${app.baseUrl}/api/batches`, {
      headers: { 'content-type': 'application/json' },
      body: Buffer.alloc(70_000, 0x20),
      framing: 'announced',
    });
    const malformed = await sendRaw(`${app.baseUrl}/t/%E0%A4%A`, { method: 'GET' });
    for (const answer of [tooLarge, malformed]) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.headers).toMatchObject({ 'content-security-policy': API_POLICY, ...NOT_FRAMED_NOT_SNIFFED });
    }
  });

  it('on the scan page, alike from the server’s fast lane and from the framework route, and on the page of a code never issued', async () => {
    // The first scan of a batch is answered by the route (its parts are not in memory yet),
    // as is any code not written the canonical way; the next ones by the fast lane.
    const first = await fetch(`${app.baseUrl}/t/${code}`);
    const routed = await fetch(`${app.baseUrl}/t/${code.toLowerCase()}`);
    const fast = await fetch(`${app.baseUrl}/t/${code}`);
    const json = await fetch(`${app.baseUrl}/t/${code}`, { headers: { accept: 'application/json' } });
    const notIssued = await fetch(`${app.baseUrl}/t/0000000000000000`);
    for (const [name, answer] of Object.entries({ first, routed, fast, json, notIssued })) {
      const headers = securityHeaders(answer.headers);
      expect([name, headers]).toEqual([name, { policy: expect.stringMatching(PAGE_POLICY), ...NOT_FRAMED_NOT_SNIFFED }]);
    }
    expect(notIssued.status).toBe(404);
    expect(fast.headers.get('content-security-policy')).toBe(routed.headers.get('content-security-policy'));
    expect(await fast.text()).toBe(await routed.text());
  });

  it('on the OpenAPI UI, with the policy its scripts and styles need', async () => {
    const docs = await fetch(`${app.baseUrl}/api/docs`);
    expect(docs.status).toBe(200);
    expect(securityHeaders(docs.headers)).toEqual({
      policy: expect.stringMatching(/^default-src 'self'; script-src 'self'; .*frame-ancestors 'none'$/),
      ...NOT_FRAMED_NOT_SNIFFED,
    });
  });
});
