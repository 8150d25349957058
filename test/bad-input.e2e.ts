import { ApiClient, Call } from '../apps/cli/src/world';
import { Org, registerOrg } from './support/fixtures';
import { UNTRUE_NAMES, hostile } from './support/hostile-bodies';
import { RawRequest, sendRaw } from './support/raw-request';
import { SmallWorld, harvestedBatch, pack, smallWorld } from './support/small-world';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';
import { writeRoutes } from './support/write-routes';

/** Stands for the registered product, so that a standard's rules are reached and judged. */
const PRODUCT = '<product>';

/** Bodies a careless or hostile client sends. None may cause a 500. */
const GARBAGE: unknown[] = [
  undefined,
  null,
  [],
  'text',
  42,
  {},
  { facilityId: null, readings: 'many', lines: {}, classes: [null], quantity: { value: 'x', unit: 7 } },
  { facilityId: ['a'], cartonIds: [1, 2], dispatchedAt: 12, harvestedAt: '2026-02-30T06:00:00+08:00' },
  { value: 1e308, threshold: -1e308, temperatureC: Number.MAX_SAFE_INTEGER, count: 1e9, itemsPerCarton: 0 },
  { __proto__: { admin: true }, constructor: { prototype: { x: 1 } }, name: '\u0000\uFFFF'.repeat(50) },
  { attributes: { 'a.b': 1, toString: 'x' }, grade: '<script>', readings: [{ at: '9999-99-99', temperatureC: 'NaN' }] },
  // Product standards: rules of the wrong shape at every level.
  { productId: PRODUCT, title: 't', effectiveFrom: '2026-07-01T00:00:00+08:00', rules: [] },
  {
    productId: PRODUCT,
    title: 't',
    effectiveFrom: '2026-07-01T00:00:00+08:00',
    rules: { grading: { classes: [{ grade: 1, attributes: { d: 'x' } }, null] } },
  },
  {
    productId: PRODUCT,
    title: 't',
    effectiveFrom: '2026-07-01T00:00:00+08:00',
    rules: { storage: null, tests: 'x', preCooling: { withinHours: 'NaN' } },
  },
  {
    productId: PRODUCT,
    title: 't',
    effectiveFrom: '2026-07-01T00:00:00+08:00',
    rules: { requiredData: { fields: [{}] }, certificates: { required: 'all' } },
  },
  {
    productId: PRODUCT,
    title: 't',
    effectiveFrom: '2026-07-01T00:00:00+08:00',
    rules: { hubToVillage: { maxHours: 1e308, grades: [null] } },
  },
];

/** Bodies meant to hurt: too deep, too large, too long an array, text that cannot be true; as sent, not as JSON.stringify would write them. */
const HOSTILE: [string, RawRequest][] = [
  ['2,400-deep arrays', { body: Buffer.from(hostile.deepArrays(2400)) }],
  ['2,400-deep objects', { body: Buffer.from(hostile.deepObjects(2400)) }],
  ['2 MB of brackets', { body: Buffer.from(hostile.brackets(2_000_000)) }],
  ['a million-element array in an unknown field', { body: Buffer.from(hostile.hugeUnknownArray(1_000_000)) }],
  ['just over 64 KB, chunked', { body: Buffer.from(hostile.padded(64 * 1024 + 1)), framing: 'chunked' }],
  ['3 MB, announced', { body: Buffer.from(hostile.padded(3_000_000)), framing: 'announced' }],
  ...Object.entries(UNTRUE_NAMES).map(([kind, name]): [string, RawRequest] => [
    `names with ${kind}`,
    {
      body: Buffer.from(
        `{"name":${name},"nameZh":${name},"grade":${name},"classes":[{"grade":${name}}],"rules":{"grading":{"classes":[{"grade":${name}}]}}}`,
      ),
    },
  ]),
];

describe('bad input never gets a 500', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let ids: Record<string, string>;
  let owner: Org;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call);
    const batch = await harvestedBatch(call, w);
    const packing = await pack(call, w, batch, 4, 2);
    ids = { id: batch, keyId: 'nokey', facilityId: w.hub, code: packing.items[0].code, productId: w.plum };
    owner = await registerOrg(call, 'standards_owner', '乐昌市电子商务公共服务中心');
  });
  afterAll(() => app.close());

  it('on every write route, for every role, with every kind of garbage body', async () => {
    const writes = await writeRoutes(app.baseUrl, ids);
    expect(writes.length).toBeGreaterThanOrEqual(15);
    const keys = [ADMIN_KEY, w.coop.key, w.packer.key, w.lab.key, w.carrier.key, owner.key];
    const failures: string[] = [];
    for (const { method, path } of writes) {
      for (const key of keys) {
        for (const body of GARBAGE) {
          const response = await fetch(`${app.baseUrl}${path}`, {
            method,
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body).replaceAll(PRODUCT, ids.productId),
          });
          if (response.status >= 500)
            failures.push(`${method} ${path} ${JSON.stringify(body)} → ${response.status} ${await response.text()}`);
        }
      }
    }
    expect(failures).toEqual([]);
    // Hundreds of requests: on a loaded two-core machine they outlast jest's default 30 s.
  }, 120_000);

  it('on every POST route, with bodies meant to hurt: each refused with a 4xx', async () => {
    const posts = await writeRoutes(app.baseUrl, ids, ['post']);
    expect(posts.length).toBeGreaterThanOrEqual(19);
    const failures: string[] = [];
    for (const { method, path } of posts) {
      for (const [name, request] of HOSTILE) {
        const headers = { authorization: `Bearer ${w.coop.key}`, 'content-type': 'application/json' };
        const { status, text } = await sendRaw(`${app.baseUrl}${path}`, { ...request, method, headers });
        if (status < 400 || status >= 500) failures.push(`${method} ${path} ${name} → ${status} ${text.slice(0, 200)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('on read routes with odd ids and queries', async () => {
    const odd = ['%00', '..%2F..%2Fetc%2Fpasswd', "'%20OR%201=1--", '%E4%B8%AD%E6%96%87', 'a'.repeat(90)];
    for (const path of [
      '/api/batches/',
      '/api/facilities/',
      '/api/shipments/',
      '/api/cartons/',
      '/api/cold-chain/',
      '/t/',
      '/api/products/',
    ]) {
      for (const id of odd) {
        const { status } = await call('GET', `${path}${id}`, { key: w.coop.key });
        expect([400, 404]).toContain(status);
      }
    }
    expect((await call('GET', '/api/batches?cooperativeId=%27%3B--&productId[]=x', { key: w.coop.key })).status).toBeLessThan(500);
  });

  it('refuses a body of the wrong media type or too large, with a 4xx', async () => {
    const form = await fetch(`${app.baseUrl}/api/batches`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.coop.key}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'productId=x',
    });
    expect(form.status).toBeGreaterThanOrEqual(400);
    expect(form.status).toBeLessThan(500);
    const huge = await fetch(`${app.baseUrl}/api/cold-chain/readings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.carrier.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ facilityId: w.truck, deviceId: 'x', readings: 'y'.repeat(9 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
  });
});
