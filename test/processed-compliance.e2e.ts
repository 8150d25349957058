import { ApiClient, Call, STANDARDS, publishStandard } from '../apps/cli/src/world';
import { Org, expectOk, registerCountyOrg } from './support/fixtures';
import { processingParticipants, rapidTest } from './support/processed-world';
import { handOver } from './support/small-world';
import { TestApp, startTestApp } from './support/test-app';

const T = (hhmm: string, day = 10) => `2026-04-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;

interface RuleView {
  rule: string;
  status: string;
  reason: string;
  reasonEn: string;
}

/**
 * Processed lots judged against their product's standard: finished tea on its yield and on the
 * leaves it was made from, chilled birds pre-cooled from the slaughter, and a leaf lot's later
 * failure reaching the tea at once.
 */
describe.each(['inline', 'worker'] as const)('processed lots judged against their standard (projector %s)', (projector) => {
  let app: TestApp;
  let call: Call;
  let coop1: Org, coop2: Org, factory: Org, lab: Org, poultryCoop: Org, slaughter: Org, regulator: Org;
  let plot1: string, plot2: string, plant: string, poultryPlot: string, poultryPlant: string;
  let leaves: string, tea: string, live: string, chilled: string;

  beforeAll(async () => {
    app = await startTestApp({ projector });
    call = new ApiClient(app.baseUrl).call;
    const world = await processingParticipants(call);
    ({ teaCoop: coop1, teaCoop2: coop2, factory, lab, poultryCoop, slaughterhouse: slaughter } = world.orgs);
    ({ plot1, plot2, plant, poultryPlot, poultryPlant } = world.facilities);
    ({ leaves, tea, live, chilled } = world.products);
    const [owner, reg] = await Promise.all((['eCommerce', 'regulator'] as const).map((org) => registerCountyOrg(call, org)));
    regulator = reg;
    await publishStandard(call, owner.key, tea, STANDARDS.tea, '2026-04-01T00:00:00+08:00');
    await publishStandard(call, owner.key, chilled, STANDARDS.chicken, '2026-04-01T00:00:00+08:00');
  });
  afterAll(() => app.close());

  const post = (path: string, key: string, body: unknown) => expectOk(call('POST', path, { key, body }));
  const compliance = (batchId: string) => expectOk(call('GET', `/api/compliance/batches/${batchId}`, { key: regulator.key }));
  const rule = (doc: { rules: RuleView[] }, name: string) => doc.rules.find((r) => r.rule === name)!;

  /** Leaves sprayed in March (7-day interval), picked on 10 April, passed by the lab, handed to the factory. */
  async function leavesLot(coop: Org, plot: string, kg: number): Promise<{ id: string; lotCode: string }> {
    const batch = await post('/api/batches', coop.key, { productId: leaves, farmPlotId: plot });
    await post(`/api/batches/${batch.id}/farm-inputs`, coop.key, {
      inputName: '吡虫啉可湿性粉剂',
      activeIngredient: 'imidacloprid',
      kind: 'pesticide',
      dose: { value: 0.5, unit: 'kg' },
      appliedAt: '2026-03-20T08:00:00+08:00',
      safetyIntervalDays: 7,
    });
    await post(`/api/batches/${batch.id}/harvests`, coop.key, { harvestedAt: T('06:00'), quantity: { value: kg, unit: 'kg' } });
    await rapidTest(call, lab, batch.id, T('06:40'));
    await handOver(call, batch.id, coop, factory, T('07:00'));
    return { id: batch.id, lotCode: batch.lotCode };
  }

  const makeTea = (inputs: { id: string }[], kgOut: number) =>
    post('/api/transformations', factory.key, {
      plantId: plant,
      process: 'tea_processing',
      startedAt: T('08:00'),
      endedAt: T('16:00'),
      inputs: inputs.map((lot) => ({ batchId: lot.id, whole: true })),
      outputs: [{ productId: tea, quantity: { value: kgOut, unit: 'kg' } }],
    });

  let leavesB: { id: string; lotCode: string };
  let teaLot: string;

  it('judges tea made at 20 % on its yield, and on the leaves’ spraying, picking and tests', async () => {
    const leavesA = await leavesLot(coop1, plot1, 100);
    leavesB = await leavesLot(coop2, plot2, 75);
    const made = await makeTea([leavesA, leavesB], 35);
    expect(made.yieldPct).toBe(20);
    teaLot = made.outputs[0].batchId;

    const verdict = await compliance(teaLot);
    expect(verdict.status).not.toBe('non_compliant');
    expect(rule(verdict, 'processingYield')).toMatchObject({ status: 'met', reason: '出成率 20.0 %，在标准 18–25 % 之内' });
    expect(rule(verdict, 'safetyIntervals')).toMatchObject({
      status: 'met',
      reasonEn: 'Every input lot was harvested after its safety intervals',
    });
    expect(rule(verdict, 'tests:pesticide_residue_rapid_test')).toMatchObject({
      status: 'met',
      reasonEn: 'Every input lot passed the test',
    });
    expect(rule(verdict, 'inputLots').status).toBe('met');
  });

  it('finds tea made at 40 % violated, with the numbers, where regulators look', async () => {
    const leavesC = await leavesLot(coop1, plot1, 50);
    const made = await makeTea([leavesC], 20);
    expect(made.yieldPct).toBe(40);
    const lot = made.outputs[0].batchId;

    const verdict = await compliance(lot);
    expect(verdict.status).toBe('non_compliant');
    expect(rule(verdict, 'processingYield')).toMatchObject({
      status: 'violated',
      reason: '出成率 40.0 %，超出标准 18–25 %',
      reasonEn: "Yield 40.0 % is above the standard's 18–25 %",
    });
    const violations = await expectOk(call('GET', '/api/compliance/violations', { key: regulator.key }));
    expect(violations).toContainEqual(
      expect.objectContaining({ batchId: lot, rule: 'processingYield', status: 'open', reason: '出成率 40.0 %，超出标准 18–25 %' }),
    );
    const summary = await expectOk(call('GET', '/api/compliance/summary?by=product', { key: regulator.key }));
    const row = summary.rows.find((r: { key: string }) => r.key === tea);
    expect(row.batches.non_compliant).toBeGreaterThanOrEqual(1);
    expect(row.mostViolated.map((m: { rule: string }) => m.rule)).toContain('processingYield');
  });

  it('counts chilled birds’ pre-cooling from the slaughter', async () => {
    const flock = await post('/api/batches', poultryCoop.key, { productId: live, farmPlotId: poultryPlot });
    await post(`/api/batches/${flock.id}/harvests`, poultryCoop.key, {
      harvestedAt: T('05:00'),
      quantity: { value: 100, unit: 'head' },
      liveWeight: { value: 180, unit: 'kg' },
    });
    await handOver(call, flock.id, poultryCoop, slaughter, T('06:00'));
    const made = await post('/api/transformations', slaughter.key, {
      plantId: poultryPlant,
      process: 'slaughter',
      startedAt: T('07:00'),
      endedAt: T('09:00'),
      quarantineCertificateNo: 'A44-0281-260410-0077',
      inputs: [{ batchId: flock.id, whole: true }],
      outputs: [{ productId: chilled, quantity: { value: 135, unit: 'kg' } }],
    });
    const birds = made.outputs[0].batchId;
    // Five hours after the flock was caught, but within two of the slaughter.
    await post(`/api/batches/${birds}/pre-cooling`, slaughter.key, {
      facilityId: poultryPlant,
      startedAt: T('10:00'),
      endedAt: T('11:00'),
      coreTemperatureC: 3,
    });
    expect(rule(await compliance(birds), 'preCooling')).toMatchObject({
      status: 'met',
      reasonEn: 'Pre-cooled within 2 h of being made to 4 °C or below',
    });
  });

  it('turns the tea non-compliant at once when the lab fails a leaf lot after the tea was made, naming the lot', async () => {
    await rapidTest(call, lab, leavesB.id, T('09:00', 12), 71);
    const verdict = await compliance(teaLot);
    expect(verdict.status).toBe('non_compliant');
    expect(rule(verdict, 'tests:pesticide_residue_rapid_test')).toMatchObject({
      status: 'violated',
      reason: `原料批次${leavesB.lotCode}检测不合格：71，标准限值50`,
    });
    expect(rule(verdict, 'inputLots')).toMatchObject({ status: 'violated' });
    expect(rule(verdict, 'inputLots').reason).toContain(leavesB.lotCode);
  });
});
