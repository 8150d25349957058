import { ApiClient, Call } from '../apps/cli/src/world';
import { LECHANG, creditCode, registerFacility, registerOrg } from './support/fixtures';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';

describe('registry over HTTP: organizations, keys, facilities, products', () => {
  let app: TestApp;
  let call: Call;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
  });
  afterAll(() => app.close());

  it('the administrator registers a cooperative with its credit code and issues it a key that acts in its role', async () => {
    const code = creditCode('93440281MA4W1234X');
    const org = await call('POST', '/api/organizations', {
      key: ADMIN_KEY,
      body: { name: '乐昌市北乡黄金柰李专业合作社', role: 'cooperative', creditCode: code, region: LECHANG },
    });
    expect(org.status).toBe(201);
    expect(org.body).toMatchObject({ name: '乐昌市北乡黄金柰李专业合作社', role: 'cooperative', creditCode: code });
    const key = await call('POST', `/api/organizations/${org.body.id}/api-keys`, { key: ADMIN_KEY, body: { label: 'tablet' } });
    expect(key.status).toBe(201);
    expect(key.body.apiKey).toMatch(/^sy_/);
    const me = await call('GET', '/api/me', { key: key.body.apiKey });
    expect(me.body).toMatchObject({ organizationId: org.body.id, role: 'cooperative', organization: { name: org.body.name } });
  });

  it('refuses a request without a key (401), with a wrong key (401), and a role that may not act (403)', async () => {
    expect((await call('GET', '/api/me')).status).toBe(401);
    expect((await call('GET', '/api/me', { key: 'sy_abcdefabcdef_' + 'x'.repeat(43) })).status).toBe(401);
    const coop = await registerOrg(call, 'cooperative', '九峰镇合作社');
    const denied = await call('POST', '/api/organizations', { key: coop.key, body: { name: 'x', role: 'cooperative' } });
    expect(denied.status).toBe(403);
    expect(denied.body.message).toContain('admin');
  });

  it('a revoked key stops working', async () => {
    const org = await registerOrg(call, 'logistics', '乐昌市县域物流配送中心');
    const { keyId } = (await call('GET', '/api/me', { key: org.key })).body;
    expect((await call('DELETE', `/api/organizations/${org.id}/api-keys/${keyId}`, { key: ADMIN_KEY })).status).toBe(200);
    const after = await call('GET', '/api/me', { key: org.key });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('api_key_revoked');
  });

  it('names the field that is wrong (400) and writes nothing', async () => {
    const before = (await call('GET', '/api/organizations', { key: ADMIN_KEY })).body.length;
    const bad = await call('POST', '/api/organizations', { key: ADMIN_KEY, body: { name: '', role: 'farmer', extra: 1 } });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/name/);
    expect(bad.body.message).toMatch(/role/);
    expect(bad.body.message).toMatch(/extra/);
    const badCode = await call('POST', '/api/organizations', {
      key: ADMIN_KEY,
      body: { name: '某合作社', role: 'cooperative', creditCode: '93440281MA4W1234X0' },
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.message).toMatch(/credit/i);
    expect((await call('GET', '/api/organizations', { key: ADMIN_KEY })).body.length).toBe(before);
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await fetch(`${app.baseUrl}/api/organizations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
  });

  it('an organization registers facilities of its own, of types its role may run', async () => {
    const coop = await registerOrg(call, 'cooperative', '北乡马蹄合作社');
    const plot = await call('POST', '/api/facilities', {
      key: coop.key,
      body: { type: 'farm_plot', name: '北乡村3号地块', region: { ...LECHANG, town: '北乡镇', village: '北乡村' } },
    });
    expect(plot.status).toBe(201);
    expect(plot.body).toMatchObject({ ownerId: coop.id, type: 'farm_plot', ownerName: '北乡马蹄合作社' });
    const hub = await call('POST', '/api/facilities', { key: coop.key, body: { type: 'county_hub', name: '物流中心', region: LECHANG } });
    expect(hub.status).toBe(400);
    const other = await registerOrg(call, 'cooperative', '另一合作社');
    const foreign = await call('POST', '/api/facilities', {
      key: coop.key,
      body: { ownerId: other.id, type: 'farm_plot', name: '别人的地', region: LECHANG },
    });
    expect(foreign.status).toBe(403);
  });

  it('products carry a verified GTIN-14; a wrong check digit is refused', async () => {
    const ok = await call('POST', '/api/products', {
      key: ADMIN_KEY,
      body: {
        nameZh: '北乡马蹄',
        nameEn: 'Beixiang water chestnut',
        category: 'aquatic vegetable',
        storageClass: 'chilled',
        gtin: '6901234567892',
      },
    });
    expect(ok.status).toBe(201);
    expect(ok.body.gtin).toBe('06901234567892');
    expect(ok.body.grades).toEqual(['特级', '一级', '二级']);
    const bad = await call('POST', '/api/products', {
      key: ADMIN_KEY,
      body: { nameZh: '假', nameEn: 'fake', category: 'x', storageClass: 'x', gtin: '6901234567893' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/GTIN/i);
  });

  it('a write retried with the same Idempotency-Key is recorded once; the key cannot be reused for another body', async () => {
    const headers = { 'idempotency-key': 'register-lab-1' };
    const body = { name: '乐昌市农产品质量安全检测中心', role: 'testing_lab', region: LECHANG };
    const first = await call('POST', '/api/organizations', { key: ADMIN_KEY, body, headers });
    const again = await call('POST', '/api/organizations', { key: ADMIN_KEY, body, headers });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const labs = (await call('GET', '/api/organizations?role=testing_lab', { key: ADMIN_KEY })).body;
    expect(labs.filter((o: { name: string }) => o.name === body.name)).toHaveLength(1);
    const reused = await call('POST', '/api/organizations', { key: ADMIN_KEY, body: { ...body, name: '别的' }, headers });
    expect(reused.status).toBe(409);
  });

  describe('an API key issued with an Idempotency-Key', () => {
    const issue = (orgId: string, key: string, body: object = { label: 'tablet' }) =>
      call('POST', `/api/organizations/${orgId}/api-keys`, { key: ADMIN_KEY, body, headers: { 'idempotency-key': key } });
    const works = async (apiKey: string) => (await call('GET', '/api/me', { key: apiKey })).status === 200;
    /** The keys among the answers that authenticate. */
    const workingKeys = async (answers: { body: { apiKey?: string } }[]) => {
      const keys = answers.map((a) => a.body.apiKey).filter((k): k is string => typeof k === 'string');
      const working = await Promise.all(keys.map(works));
      return keys.filter((_, i) => working[i]);
    };

    it('is issued once: the retry mints no second key and is told which key was issued and what to do', async () => {
      const org = await registerOrg(call, 'packhouse', '北乡镇产地初加工中心');
      const first = await issue(org.id, 'packhouse-tablet');
      const again = await issue(org.id, 'packhouse-tablet');
      expect(await workingKeys([first, again])).toEqual([first.body.apiKey]);
      expect(first.status).toBe(201);
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'api_key_already_issued', details: { keyId: first.body.keyId } });
      expect(again.body.message).toContain(`revoke ${first.body.keyId}`);
      // After revoking it, the same Idempotency-Key still issues nothing: a new one does.
      expect((await call('DELETE', `/api/organizations/${org.id}/api-keys/${first.body.keyId}`, { key: ADMIN_KEY })).status).toBe(200);
      const revoked = await issue(org.id, 'packhouse-tablet');
      expect(revoked.body).toMatchObject({ code: 'api_key_already_issued', details: { keyId: first.body.keyId, revoked: true } });
      const next = await issue(org.id, 'packhouse-tablet-2');
      expect(next.status).toBe(201);
      expect(await works(next.body.apiKey)).toBe(true);
    });

    it('is issued once for requests sent side by side: one answer holds a key, the others are refused naming it', async () => {
      const org = await registerOrg(call, 'testing_lab', '乐昌市农产品质量安全检测中心');
      const answers = await Promise.all([1, 2, 3].map(() => issue(org.id, 'lab-bench')));
      expect(await workingKeys(answers)).toHaveLength(1);
      const issued = answers.filter((a) => a.status === 201);
      expect(issued).toHaveLength(1);
      for (const refused of answers.filter((a) => a.status !== 201)) {
        expect(refused).toMatchObject({ status: 409, body: { code: 'api_key_already_issued', details: { keyId: issued[0].body.keyId } } });
      }
    });

    it('cannot be reused for another label or another organization', async () => {
      const [a, b] = [await registerOrg(call, 'logistics', '九峰镇服务站'), await registerOrg(call, 'logistics', '北乡镇服务站')];
      expect((await issue(a.id, 'station-desk')).status).toBe(201);
      for (const reused of [await issue(a.id, 'station-desk', { label: 'other' }), await issue(b.id, 'station-desk')]) {
        expect(reused).toMatchObject({ status: 409, body: { code: 'idempotency_key_reused' } });
      }
    });
  });

  it('concurrent duplicates with one Idempotency-Key still record once', async () => {
    const coop = await registerOrg(call, 'cooperative', '黄圃镇合作社');
    const body = { type: 'farm_plot', name: '黄圃镇1号地块', region: { ...LECHANG, town: '黄圃镇' } };
    const headers = { 'idempotency-key': 'plot-1' };
    const answers = await Promise.all([1, 2, 3, 4].map(() => call('POST', '/api/facilities', { key: coop.key, body, headers })));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    const plots = (await call('GET', `/api/facilities?ownerId=${coop.id}`, { key: coop.key })).body;
    expect(plots).toHaveLength(1);
    await registerFacility(call, coop, 'farm_plot', '黄圃镇2号地块');
  });
});
