import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PERSONAL_KEY_VAULT, PersonalKeyVault } from '@suyuan/platform';
import { PersonDirectory } from '@suyuan/registry/nest';
import { ApiClient, Call } from '../apps/cli/src/world';
import { lechang, renhua } from '../apps/cli/src/world/places';
import { Org, expectOk, registerOrg } from './support/fixtures';
import { ADMIN_KEY, TestApp, startTestApp } from './support/test-app';

/** A household of 茶料村 that sells fresh tea leaves; the ID number's check character is computed, not guessed. */
const HOUSEHOLD = { name: '黄秀英', idNumber: '440281199003071237', phone: '13800138000', region: lechang('北乡镇', '茶料村') };
const MASKED = '440281********1237';

/** Every file under `dir`, with its bytes. */
function filesUnder(dir: string): [string, Buffer][] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => [path, readFileSync(path)]);
}

/** The files that hold `bytes`, or with `window`, any `window` of them in a row. */
function holding(files: [string, Buffer][], bytes: Buffer, window = bytes.length): string[] {
  const parts = Array.from({ length: bytes.length - window + 1 }, (_, i) => bytes.subarray(i, i + window));
  return files.filter(([, content]) => parts.some((part) => content.includes(part))).map(([path]) => path);
}

describe('households recorded as natural persons, over HTTP', () => {
  let app: TestApp;
  let call: Call;
  let vault: PersonalKeyVault;
  let buyer: Org;
  let otherCoop: Org;
  let regulator: Org;
  let provincial: Org;
  let renhuaRegulator: Org;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    vault = app.running.app.get<PersonalKeyVault>(PERSONAL_KEY_VAULT);
    buyer = await registerOrg(call, 'packhouse', '乐昌市北乡白毛茶厂');
    otherCoop = await registerOrg(call, 'cooperative', '九峰镇黄金柰李专业合作社');
    regulator = await registerOrg(call, 'regulator', '乐昌市市场监督管理局');
    provincial = await registerOrg(call, 'regulator', '广东省市场监督管理局', { region: { province: '广东省' } });
    renhuaRegulator = await registerOrg(call, 'regulator', '仁化县市场监督管理局', { region: renhua() });
  });
  afterAll(() => app.close());

  const register = (body: unknown = HOUSEHOLD, key = buyer.key, idempotencyKey?: string) =>
    call('POST', '/api/persons', { key, body, idempotencyKey });
  const read = (id: string, key: string, query = '') => call('GET', `/api/persons/${id}${query}`, { key });
  const stream = (id: string) => app.running.storage.events.readStream(`person-${id}`);
  const position = async (): Promise<number> => (await expectOk(call('GET', '/health'))).projectedPosition;

  it('registers a household and reads it back decrypted for its organization, the ID number masked unless revealed', async () => {
    const registered = await register(HOUSEHOLD, buyer.key, 'household-1');
    expect(registered.status).toBe(201);
    const person = {
      id: registered.body.id,
      registeredBy: buyer.id,
      region: HOUSEHOLD.region,
      erased: false,
      name: '黄秀英',
      idNumber: MASKED,
      phone: '13800138000',
    };
    expect(registered.body).toMatchObject(person);

    expect(await read(person.id, buyer.key)).toMatchObject({ status: 200, body: person });
    expect((await read(person.id, buyer.key, '?reveal=id')).body).toMatchObject({ ...person, idNumber: HOUSEHOLD.idNumber });
    expect(await expectOk(call('GET', '/api/persons', { key: buyer.key }))).toEqual([expect.objectContaining(person)]);
    expect(await expectOk(call('GET', '/api/persons', { key: otherCoop.key }))).toEqual([]);

    // A retry with the same Idempotency-Key answers the same person, registered once.
    const retried = await register(HOUSEHOLD, buyer.key, 'household-1');
    expect(retried).toMatchObject({ status: 201, body: person });
    expect((await stream(person.id)).map((e) => e.type)).toEqual(['NaturalPersonRegistered']);
  });

  it('keeps the name, the ID number and the phone out of the event store file, and the answers out of the idempotency records', async () => {
    const { id } = await expectOk(register(HOUSEHOLD, buyer.key, 'household-2'));
    const [event] = await stream(id);
    expect(Object.keys(event.data as object).sort()).toEqual(['personId', 'region', 'registeredAt', 'registeredBy', 'sealed']);

    const eventStore = filesUnder(app.dataDir).filter(([path]) => /suyuan\.db(-wal)?$/.test(path));
    expect(eventStore.map(([path]) => path.slice(app.dataDir.length))).toEqual(expect.arrayContaining(['/suyuan.db', '/suyuan.db-wal']));
    for (const secret of [HOUSEHOLD.name, HOUSEHOLD.idNumber, HOUSEHOLD.phone, MASKED]) {
      expect([secret, holding(eventStore, Buffer.from(secret, 'utf8'))]).toEqual([secret, []]);
    }
    // The sealed data itself is there: the scan reads the files the events are in.
    expect(holding(eventStore, Buffer.from((event.data as { sealed: { ct: string } }).sealed.ct, 'utf8'))).not.toEqual([]);
  });

  it('lets the regulator of the county or the province read the person; any other organization and the administrator get 403', async () => {
    const { id } = await expectOk(register());
    for (const reader of [regulator, provincial]) {
      expect(await read(id, reader.key, '?reveal=id')).toMatchObject({
        status: 200,
        body: { id, name: HOUSEHOLD.name, idNumber: HOUSEHOLD.idNumber },
      });
    }
    for (const key of [otherCoop.key, renhuaRegulator.key, ADMIN_KEY]) {
      expect(await read(id, key)).toMatchObject({ status: 403, body: { code: 'not_allowed_to_read' } });
      expect(JSON.stringify((await read(id, key, '?reveal=id')).body)).not.toContain(HOUSEHOLD.name);
    }
    expect(await read('PSN000000000000', buyer.key)).toMatchObject({ status: 404, body: { code: 'person_not_found' } });
    expect(await read(id, buyer.key, '?reveal=all')).toMatchObject({ status: 400, body: { details: { field: 'reveal' } } });
  });

  it('names the person to those who may read them, and gives everyone else the household’s label, never the name', async () => {
    const { id } = await expectOk(register());
    const directory = app.running.app.get(PersonDirectory);

    expect(await directory.displayName(id, buyer.id)).toBe(HOUSEHOLD.name);
    expect(await directory.displayName(id, regulator.id)).toBe(HOUSEHOLD.name);
    for (const reader of [otherCoop.id, renhuaRegulator.id, 'admin', undefined]) {
      expect(await directory.displayName(id, reader)).toBe('农户（个人）·北乡镇茶料村');
    }
    expect(await directory.exists(id)).toEqual({ id, region: HOUSEHOLD.region, erased: false, registeredBy: buyer.id });
    expect(await directory.exists('PSN000000000000')).toBeUndefined();
  });

  it('refuses a bad ID number, naming the field, and a regulator’s registration; nothing is written', async () => {
    const before = await position();
    const badCheck = await register({ ...HOUSEHOLD, idNumber: '440281199003071238' });
    expect(badCheck).toMatchObject({ status: 400, body: { code: 'invalid_id_number', details: { field: 'idNumber' } } });
    const badShape = await register({ ...HOUSEHOLD, idNumber: '4402811990030712' });
    expect(badShape).toMatchObject({ status: 400, body: { details: { field: 'idNumber' } } });
    const noCounty = await register({ ...HOUSEHOLD, region: { province: '广东省' } });
    expect(noCounty).toMatchObject({ status: 400, body: { details: { field: 'region.county' } } });
    expect(await register(HOUSEHOLD, regulator.key)).toMatchObject({ status: 403, body: { code: 'role_not_allowed' } });
    expect(await position()).toBe(before);
    for (const answer of [badCheck, badShape]) expect(JSON.stringify(answer.body)).not.toContain('4402811990030712');
  });

  it('takes a lower-case check character x as X', async () => {
    const idNumber = '11010519491231002x';
    const { id } = await expectOk(register({ ...HOUSEHOLD, idNumber }));
    expect((await read(id, buyer.key, '?reveal=id')).body.idNumber).toBe('11010519491231002X');
  });

  it('erases a person for good: reads show erased, the events stay, nothing in DATA_DIR holds the name, the ID number or the key', async () => {
    const name = '邓桂兰';
    const idNumber = '440281197811200317';
    const { id } = await expectOk(register({ ...HOUSEHOLD, name, idNumber }, buyer.key, 'household-3'));
    const key = (await vault.get(id))!;
    expect(holding(filesUnder(app.dataDir), key).map((path) => path.slice(app.dataDir.length))).toEqual(['/personal-keys.sqlite']);

    const refused = await call('DELETE', `/api/persons/${id}`, { key: otherCoop.key });
    expect(refused).toMatchObject({ status: 403, body: { code: 'not_registrant' } });
    expect(await vault.get(id)).toBeDefined();

    const erased = await call('DELETE', `/api/persons/${id}`, { key: buyer.key, body: { reason: 'consent withdrawn' } });
    expect(erased).toMatchObject({ status: 200, body: { id, erased: true, region: HOUSEHOLD.region } });
    expect(erased.body.erasedAt).toEqual(expect.any(String));
    const erasedView = { id, erased: true, erasedAt: erased.body.erasedAt, region: HOUSEHOLD.region };
    for (const reader of [buyer, regulator]) {
      expect(await read(id, reader.key, '?reveal=id')).toEqual(expect.objectContaining({ status: 200, body: erasedView }));
    }
    expect(await read(id, otherCoop.key)).toMatchObject({ status: 403 });
    const listed = await expectOk(call('GET', '/api/persons', { key: buyer.key }));
    expect(listed.find((p: { id: string }) => p.id === id)).toEqual(erasedView);

    const events = await stream(id);
    expect(events.map((e) => e.type)).toEqual(['NaturalPersonRegistered', 'NaturalPersonErased']);
    expect(events[1].data).toMatchObject({ personId: id, erasedBy: buyer.id, reason: 'consent withdrawn' });

    expect(await vault.get(id)).toBeUndefined();
    const files = filesUnder(app.dataDir);
    expect(holding(files, Buffer.from(name, 'utf8'))).toEqual([]);
    expect(holding(files, Buffer.from(idNumber, 'utf8'))).toEqual([]);
    expect(holding(files, key, 8)).toEqual([]);

    expect(await call('DELETE', `/api/persons/${id}`, { key: buyer.key })).toMatchObject({ status: 409, body: { code: 'person_erased' } });
    expect(await register({ ...HOUSEHOLD, name, idNumber }, buyer.key, 'household-3')).toMatchObject({
      status: 409,
      body: { code: 'person_key_destroyed' },
    });
    const directory = app.running.app.get(PersonDirectory);
    expect(await directory.displayName(id, buyer.id)).toBe('农户（个人）·北乡镇茶料村');
    expect(await directory.exists(id)).toMatchObject({ erased: true });
  });

  it('reads a person whose key is gone but whose erasure was not recorded (a crash in between) as erased, and erasing again records it', async () => {
    const { id } = await expectOk(register());
    await vault.destroy(id);

    expect(await read(id, buyer.key)).toEqual(
      expect.objectContaining({ status: 200, body: { id, erased: true, region: HOUSEHOLD.region } }),
    );
    expect(await expectOk(call('GET', '/api/persons', { key: buyer.key }))).toContainEqual({ id, erased: true, region: HOUSEHOLD.region });
    expect(await app.running.app.get(PersonDirectory).exists(id)).toMatchObject({ erased: true });

    const erased = await call('DELETE', `/api/persons/${id}?reason=${encodeURIComponent('crash recovery')}`, { key: ADMIN_KEY });
    expect(erased).toMatchObject({ status: 200, body: { id, erased: true } });
    expect((await stream(id)).map((e) => [e.type, (e.data as { reason?: string }).reason])).toEqual([
      ['NaturalPersonRegistered', undefined],
      ['NaturalPersonErased', 'crash recovery'],
    ]);
  });
});
