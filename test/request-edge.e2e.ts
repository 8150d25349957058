import { ApiClient, Call } from '../apps/cli/src/world';
import { Org, expectOk, registerOrg } from './support/fixtures';
import { UNTRUE_NAMES, hostile } from './support/hostile-bodies';
import { RawAnswer, sendRaw } from './support/raw-request';
import { SmallWorld, harvestedBatch, smallWorld } from './support/small-world';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';
import { writeRoutes } from './support/write-routes';

/** The codes of the edge's own refusals: a body that gets one of these never reached its route. */
const EDGE_CODES = ['body_too_large', 'body_too_deep', 'array_too_long', 'body_too_complex', 'invalid_text'];
const KB = 1024;

const json = (answer: RawAnswer) => JSON.parse(answer.text);
/** Escapes every non-ASCII character, as some clients do: the largest way to write the same text. */
const asciiOnly = (text: string) => text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

describe('the request edge: no request can hurt the others, no text that cannot be true gets in', () => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let batch: string;
  let owner: Org;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call);
    batch = await harvestedBatch(call, w);
    owner = await registerOrg(call, 'standards_owner', '乐昌市电子商务公共服务中心');
  });
  afterAll(() => app.close());

  const post = (
    path: string,
    key: string,
    body: string,
    framing?: 'length' | 'chunked' | 'announced',
    headers: Record<string, string> = {},
  ) =>
    sendRaw(`${app.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', ...headers },
      body: Buffer.from(body),
      framing,
    });

  it('refuses a body nested 2,400 deep on every POST route with a 400, before the route (it was a 500)', async () => {
    const routes = await writeRoutes(app.baseUrl, { id: batch }, ['post']);
    expect(routes.length).toBeGreaterThanOrEqual(19);
    for (const { path } of routes) {
      for (const [key, body] of [
        [w.coop.key, hostile.deepArrays(2400)],
        [ADMIN_KEY, hostile.deepObjects(2400)],
      ]) {
        const answer = await post(path, key, body);
        expect([path, answer.status, json(answer).code]).toEqual([path, 400, 'body_too_deep']);
      }
      // With an Idempotency-Key, whose request hash serialised the body.
      const keyed = await post(path, w.coop.key, hostile.deepArrays(2400), 'length', { 'idempotency-key': `deep-${path}` });
      expect([path, keyed.status]).toEqual([path, 400]);
    }
  });

  it('refuses a million-element array in an unknown field: by size on a 64 KB route, by its length on the 2 MB upload', async () => {
    const body = hostile.hugeUnknownArray(1_000_000);
    const small = await post('/api/batches', w.coop.key, body);
    expect(small.status).toBe(413);
    const upload = await post('/api/cold-chain/readings', w.carrier.key, body);
    expect(upload.status).toBe(400);
    expect(json(upload)).toMatchObject({ code: 'array_too_long', details: { field: 'junk', limit: 10_000 } });
  });

  it('refuses an unknown top-level field before the DTO is built, in the validator’s words', async () => {
    const readings = [{ at: '2026-07-15T14:10:00+08:00', temperatureC: 1.8 }];
    const answer = await post(
      '/api/cold-chain/readings',
      w.carrier.key,
      JSON.stringify({ facilityId: w.truck, deviceId: 'TL-1', readings, junk: new Array(9_999).fill({ a: 1 }) }),
    );
    expect(answer.status).toBe(400);
    expect(json(answer)).toMatchObject({
      code: 'invalid_request',
      message: 'junk: property junk should not exist',
      details: { field: 'junk', fields: [{ field: 'junk', message: 'junk: property junk should not exist' }] },
    });
  });

  it('refuses a body over its route’s limit with a 413 naming the limit: announced by Content-Length, before any byte is read, or chunked', async () => {
    for (const framing of ['announced', 'chunked'] as const) {
      const small = await post('/api/batches', w.coop.key, hostile.padded(64 * KB), framing);
      expect([framing, small.status]).toEqual([framing, 413]);
      expect(json(small)).toMatchObject({
        code: 'body_too_large',
        message: expect.stringContaining('64 KB'),
        details: { limitBytes: 64 * KB },
      });
      const upload = await post('/api/cold-chain/readings', w.carrier.key, hostile.padded(2 * KB * KB), framing);
      expect([framing, upload.status]).toEqual([framing, 413]);
      expect(json(upload)).toMatchObject({
        code: 'body_too_large',
        message: expect.stringContaining('2 MB'),
        details: { limitBytes: 2 * KB * KB },
      });
    }
  });

  it('takes the largest legitimate body of each route that needs room, pretty-printed', async () => {
    const readings = Array.from({ length: 10_000 }, (_, i) => ({
      at: new Date(Date.UTC(2026, 6, 15, 6, 0) + i * 60_000).toISOString().replace('Z', '+00:00'),
      temperatureC: -12.25 + (i % 40) / 4,
      humidityPct: 91.5,
    }));
    const upload = JSON.stringify({ facilityId: w.truck, deviceId: 'TL-0042-乐昌', readings }, null, 2);
    expect(upload.length).toBeGreaterThan(1024 * KB);
    expect((await post('/api/cold-chain/readings', w.carrier.key, upload)).status).toBe(201);

    const grades = Array.from({ length: 10 }, (_, i) => `等级${i + 1}`);
    const attributes = (i: number) =>
      Object.fromEntries(Array.from({ length: 20 }, (_, a) => [`attribute${a}Measured`, { min: i * 10, max: i * 10 + 10 }]));
    const product = await expectOk(
      call('POST', '/api/products', {
        key: ADMIN_KEY,
        body: { nameZh: '黄金柰李', nameEn: 'plum', category: 'stone fruit', storageClass: 'chilled', grades },
      }),
    );
    const standard = {
      productId: product.id,
      title: '乐'.repeat(120),
      description: '标准说明'.repeat(500),
      effectiveFrom: '2026-07-01T00:00:00+08:00',
      rules: { grading: { classes: grades.map((grade, i) => ({ grade, attributes: attributes(i), tolerancePct: 5 })) } },
    };
    const published = await post('/api/standards', owner.key, asciiOnly(JSON.stringify(standard, null, 2)));
    expect([published.status, published.text.slice(0, 200)]).toEqual([201, expect.any(String)]);

    const cartonIds = Array.from({ length: 2_000 }, (_, i) => `CT${String(i).padStart(12, '0')}`);
    const shipment = JSON.stringify(
      { fromFacilityId: w.packhouse, toFacilityId: w.hub, vehicleId: w.truck, cartonIds, dispatchedAt: '2026-07-15T12:00:00+08:00' },
      null,
      4,
    );
    const dispatched = await post('/api/shipments', w.packer.key, shipment);
    expect(dispatched.status).not.toBe(413);
    expect(EDGE_CODES).not.toContain(json(dispatched).code);

    const classes = grades.map((grade) => ({
      grade,
      quantity: { value: 10, unit: 'kg' },
      attributes: Object.fromEntries(Array.from({ length: 20 }, (_, a) => [`attribute${a}Measured`, 1.5])),
    }));
    const grading = JSON.stringify({ facilityId: w.packhouse, gradedAt: '2026-07-15T10:00:00+08:00', classes }, null, 4);
    const graded = await post(`/api/batches/${batch}/grading`, w.packer.key, asciiOnly(grading));
    expect(graded.status).not.toBe(413);
    expect(EDGE_CODES).not.toContain(json(graded).code);

    const lines = Array.from({ length: 20 }, (_, i) => ({
      grade: grades[i % 10],
      count: 5_000,
      netWeight: { value: 2.5, unit: 'kg' },
      itemsPerCarton: 10,
    }));
    const packing = JSON.stringify({ facilityId: w.packhouse, packedAt: '2026-07-15T11:00:00+08:00', lines }, null, 4);
    const packed = await post(`/api/batches/${batch}/packing`, w.packer.key, asciiOnly(packing));
    expect(packed.status).not.toBe(413);
    expect(EDGE_CODES).not.toContain(json(packed).code);
  });

  it('refuses names holding a NUL, a right-to-left override, a lone surrogate or only whitespace, naming the field', async () => {
    for (const [kind, name] of Object.entries(UNTRUE_NAMES)) {
      const organization = await post(
        '/api/organizations',
        ADMIN_KEY,
        `{"name":${name},"role":"cooperative","region":{"county":"乐昌市"}}`,
      );
      expect([kind, organization.status, json(organization).code, json(organization).details]).toEqual([
        kind,
        400,
        'invalid_text',
        { field: 'name' },
      ]);
      const facility = await post(
        '/api/facilities',
        w.coop.key,
        `{"type":"farm_plot","name":"地块","region":{"county":"乐昌市","village":${name}}}`,
      );
      expect([kind, facility.status, json(facility).details]).toEqual([kind, 400, { field: 'region.village' }]);
      const graded = await post(
        `/api/batches/${batch}/grading`,
        w.packer.key,
        `{"facilityId":"${w.packhouse}","gradedAt":"2026-07-15T10:00:00+08:00","classes":[{"grade":"特级","quantity":{"value":1,"unit":"kg"},"attributes":{}},{"grade":${name},"quantity":{"value":1,"unit":"kg"},"attributes":{}}]}`,
      );
      expect([kind, graded.status, json(graded).details]).toEqual([kind, 400, { field: 'classes.1.grade' }]);
    }
    const product = await post(
      '/api/products',
      ADMIN_KEY,
      `{"nameZh":"黄金柰李\\u202Egpj.exe","nameEn":"plum","category":"fruit","storageClass":"chilled"}`,
    );
    expect(json(product)).toMatchObject({
      code: 'invalid_text',
      message: 'nameZh contains a bidirectional control (U+202E)',
      details: { field: 'nameZh' },
    });
  });

  it('takes line breaks in free text (a note) but not in a name', async () => {
    const refused = await post(
      '/api/organizations',
      ADMIN_KEY,
      JSON.stringify({ name: '北乡\n合作社', role: 'cooperative', region: { county: '乐昌市' } }),
    );
    expect(json(refused)).toMatchObject({ code: 'invalid_text', details: { field: 'name' } });
    const noted = await post(
      '/api/shipments/X/receipt',
      w.carrier.key,
      JSON.stringify({ facilityId: w.hub, receivedAt: '2026-07-15T13:30:00+08:00', condition: 'damaged', note: '纸箱轻微破损\r\n已拍照' }),
    );
    expect(EDGE_CODES).not.toContain(json(noted).code);
  });

  it('refuses path and query parameters and an Idempotency-Key that cannot be true text', async () => {
    const byId = await call('GET', '/api/batches/%E2%80%AEB123', { key: w.coop.key });
    expect(byId).toMatchObject({ status: 400, body: { code: 'invalid_text', details: { field: 'id' } } });
    const byQuery = await call('GET', '/api/batches?productId=%00', { key: w.coop.key });
    expect(byQuery).toMatchObject({ status: 400, body: { code: 'invalid_text', details: { field: 'productId' } } });
    const body = JSON.stringify({ productId: w.plum, farmPlotId: w.plot });
    const latin1 = (key: string) => Buffer.from(key, 'utf8').toString('latin1');
    const overridden = await post('/api/batches', w.coop.key, body, 'length', { 'idempotency-key': latin1('retry-\u202E1') });
    expect(json(overridden)).toMatchObject({ code: 'invalid_text', details: { field: 'Idempotency-Key' } });
    const chinese = await post('/api/batches', w.coop.key, body, 'length', { 'idempotency-key': latin1('北乡-批次-1') });
    expect(chinese.status).toBe(201);
  });
});
