import { expectOk } from './support/fixtures';
import { harvestedBatch, pack } from './support/small-world';
import { plumRules, publishPlumStandard } from './support/standards';
import { StandardsWorld, startStandardsWorld } from './support/standards-world';

const T = (hhmm: string) => `2026-07-15T${hhmm}:00+08:00`;
/** The sample standard, also asking for the 地理标志 (geographical indication). */
const withGeographicalIndication = () => ({
  ...plumRules(),
  certificates: { required: ['compliance_certificate', 'geographical_indication'] },
});

// Inline and on the projector worker: the certificates rule judged by what was on record when the goods left.
describe.each(['inline', 'worker'] as const)('certificates held when the goods leave (projector %s)', (projector) => {
  let world: StandardsWorld;

  beforeAll(async () => {
    world = await startStandardsWorld(projector);
    await publishPlumStandard(world.call, world.owner, world.w.plum, withGeographicalIndication());
  });
  afterAll(() => world.app.close());

  const post = (path: string, key: string, body: unknown) => expectOk(world.call('POST', path, { key, body }));
  const certificatesRule = async (batchId: string) => {
    const doc = await expectOk(world.call('GET', `/api/compliance/batches/${batchId}`, { key: world.regulator.key }));
    return doc.rules.find((r: { rule: string }) => r.rule === 'certificates') as {
      status: string;
      reasonEn: string;
      evidence: { values?: Record<string, unknown> };
    };
  };
  const packedBatch = async () => {
    const id = await harvestedBatch(world.call, world.w);
    const cartons = (await pack(world.call, world.w, id)).cartons.map((c: { cartonId: string }) => c.cartonId) as string[];
    return { id, cartons };
  };
  const issueCertificate = (id: string) =>
    post(`/api/batches/${id}/certificate`, world.w.coop.key, {
      quantity: { value: 50, unit: 'kg' },
      basis: ['self_tested'],
      issuedAt: T('11:30'),
    });
  const recordGeographicalIndication = (id: string) =>
    post(`/api/batches/${id}/certifications`, world.w.coop.key, {
      kind: 'geographical_indication',
      certificateNo: 'AGI-02718',
      issuedBy: '农业农村部',
    });
  const dispatch = (cartons: string[]) =>
    post('/api/shipments', world.w.packer.key, {
      fromFacilityId: world.w.packhouse,
      toFacilityId: world.w.hub,
      cartonIds: cartons,
      dispatchedAt: T('12:00'),
      vehicleId: world.w.truck,
    });

  it('counts a 地理标志 recorded before the goods left', async () => {
    const { id, cartons } = await packedBatch();
    await issueCertificate(id);
    await recordGeographicalIndication(id);
    expect((await certificatesRule(id)).status).toBe('met');
    await dispatch(cartons);
    expect((await certificatesRule(id)).status).toBe('met');
  });

  it('does not count a 地理标志 recorded after the goods left: the rule stays violated through later steps and a revision', async () => {
    const { id, cartons } = await packedBatch();
    await issueCertificate(id);
    expect((await certificatesRule(id)).status).toBe('pending');
    const leg = await dispatch(cartons);
    expect((await certificatesRule(id)).status).toBe('violated');

    await recordGeographicalIndication(id);
    const late = await certificatesRule(id);
    expect(late).toMatchObject({
      status: 'violated',
      evidence: { values: { missing: ['geographical_indication'], recordedAfterDispatch: ['geographical_indication'] } },
    });
    expect(late.reasonEn).toContain('recorded only after dispatch');
    const open = await expectOk(world.call('GET', '/api/compliance/violations', { key: world.w.coop.key }));
    expect(open).toEqual(expect.arrayContaining([expect.objectContaining({ batchId: id, rule: 'certificates', status: 'open' })]));

    // Later events judge the batch again: the receipt at the hub, and a revision of the standard.
    await post(`/api/shipments/${leg.id}/receipt`, world.w.carrier.key, {
      facilityId: world.w.hub,
      receivedAt: T('13:30'),
      condition: 'intact',
    });
    expect((await certificatesRule(id)).status).toBe('violated');
    const revised = await publishPlumStandard(world.call, world.owner, world.w.plum, {
      ...withGeographicalIndication(),
      harvestToPacking: { maxHours: 24 },
    });
    const doc = await expectOk(world.call('GET', `/api/compliance/batches/${id}`, { key: world.regulator.key }));
    expect(doc.standard.version).toBe(revised.versions.length);
    expect(doc.rules.find((r: { rule: string }) => r.rule === 'certificates').status).toBe('violated');
  });

  it('does not count a 承诺达标合格证 issued after the goods left', async () => {
    const { id, cartons } = await packedBatch();
    await recordGeographicalIndication(id);
    await dispatch(cartons);
    await issueCertificate(id);
    expect(await certificatesRule(id)).toMatchObject({
      status: 'violated',
      evidence: { values: { recordedAfterDispatch: ['compliance_certificate'] } },
    });
  });
});
