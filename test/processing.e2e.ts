import { TransformationRecovery } from '@suyuan/processing/nest';
import { BatchCommands } from '@suyuan/production/nest';
import { TestApp, startTestApp } from './support/test-app';
import { ApiClient, Call } from '../apps/cli/src/world';
import { Org, expectOk, registerOrg, registerPlum } from './support/fixtures';
import { processingParticipants } from './support/processed-world';
import { handOver } from './support/small-world';

const T = (hhmm: string, day = 10) => `2026-04-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;

/** Leaves from two cooperatives' plots become a lot of 乐昌白毛茶; live 雪毛鸡 become chilled birds. */
describe('processors transform input lots into output lots, and nothing is ever half consumed', () => {
  let app: TestApp;
  let call: Call;
  let coop1: Org, coop2: Org, factory: Org, poultryCoop: Org, slaughter: Org;
  let plot1: string, plot2: string, plant: string, poultryPlot: string, poultryPlant: string;
  let leaves: string, tea: string, live: string, chilled: string, plum: string;

  beforeAll(async () => {
    app = await startTestApp();
    call = new ApiClient(app.baseUrl).call;
    const world = await processingParticipants(call);
    ({ teaCoop: coop1, teaCoop2: coop2, factory, poultryCoop, slaughterhouse: slaughter } = world.orgs);
    ({ plot1, plot2, plant, poultryPlot, poultryPlant } = world.facilities);
    ({ leaves, tea, live, chilled } = world.products);
    plum = await registerPlum(call);
  });
  afterAll(() => app.close());

  const post = (path: string, key: string, body: unknown) => call('POST', path, { key, body });
  const get = (path: string, key: string) => expectOk(call('GET', path, { key }));

  /** A lot of fresh leaves picked on the cooperative's plot and handed to the tea factory. */
  async function leavesLot(coop: Org, plot: string, kg: number, pickedAt = T('06:00'), product = leaves): Promise<string> {
    const batch = await expectOk(post('/api/batches', coop.key, { productId: product, farmPlotId: plot }));
    await expectOk(post(`/api/batches/${batch.id}/harvests`, coop.key, { harvestedAt: pickedAt, quantity: { value: kg, unit: 'kg' } }));
    await handOver(call, batch.id, coop, factory, T('07:00'));
    return batch.id;
  }

  const teaProcessing = (inputs: unknown[], extra: Record<string, unknown> = {}) =>
    post('/api/transformations', factory.key, {
      plantId: plant,
      process: 'tea_processing',
      startedAt: T('08:00'),
      endedAt: T('16:00'),
      steps: [
        { name: '杀青', startedAt: T('08:30'), endedAt: T('09:00'), parameters: { temperatureC: 260, minutes: 3 } },
        { name: '揉捻', parameters: { minutes: 40 } },
        { name: '烘干', parameters: { temperatureC: 90, minutes: 60 } },
      ],
      inputs,
      outputs: [{ productId: tea, quantity: { value: 35, unit: 'kg' } }],
      ...extra,
    });

  it('blends leaves from two plots into a lot of tea that is packed, coded and scanned like any batch', async () => {
    const a = await leavesLot(coop1, plot1, 100);
    const b = await leavesLot(coop2, plot2, 80);
    const bought = await expectOk(
      post('/api/purchases', factory.key, { fromBatchId: a, quantity: { value: 100, unit: 'kg' }, certificateNo: 'HGZ-0410-01' }),
    );
    expect(bought.lot.sales).toEqual([expect.objectContaining({ buyerOrganizationId: factory.id, certificateNo: 'HGZ-0410-01' })]);

    const made = await expectOk(
      teaProcessing([
        { batchId: a, whole: true },
        { batchId: b, quantity: { value: 60, unit: 'kg' } },
      ]),
    );
    expect(made).toMatchObject({
      processorId: factory.id,
      plant: { id: plant },
      process: 'tea_processing',
      yieldPct: 21.88,
      inputs: [
        { batchId: a, ownerId: coop1.id, quantity: { value: 100, unit: 'kg' }, weightKg: 100 },
        { batchId: b, ownerId: coop2.id, quantity: { value: 60, unit: 'kg' }, weightKg: 60 },
      ],
      outputs: [{ productId: tea, quantity: { value: 35, unit: 'kg' }, newLot: true }],
    });
    const outputId = made.outputs[0].batchId;

    const output = await get(`/api/batches/${outputId}`, factory.key);
    expect(output).toMatchObject({
      origin: { kind: 'transformation', transformationId: made.id, plantId: plant },
      cooperative: { id: factory.id },
      farmPlot: { id: plant },
      quantities: { unit: 'kg', supplied: 35, remaining: 35 },
    });
    expect(await get(`/api/batches/${a}`, coop1.key)).toMatchObject({
      quantities: { supplied: 100, consumed: 100, remaining: 0 },
      consumptions: [expect.objectContaining({ transformationId: made.id, status: 'consumed' })],
    });
    expect((await get(`/api/batches/${b}`, coop2.key)).quantities).toMatchObject({ consumed: 60, remaining: 20 });
    expect(await get(`/api/transformations/${made.id}`, coop2.key)).toMatchObject({ id: made.id });
    const regulator = await registerOrg(call, 'regulator', '乐昌市市场监督管理局');
    const elsewhere = await registerOrg(call, 'regulator', '仁化县市场监督管理局', { region: { province: '广东省', county: '仁化县' } });
    const stranger = await registerOrg(call, 'cooperative', '另一家合作社');
    expect(await get(`/api/transformations/${made.id}`, regulator.key)).toMatchObject({ id: made.id });
    for (const other of [elsewhere, stranger]) {
      expect(await call('GET', `/api/transformations/${made.id}`, { key: other.key })).toMatchObject({
        status: 403,
        body: { code: 'not_allowed_to_read' },
      });
      expect(await get('/api/transformations', other.key)).toEqual([]);
    }
    expect((await get('/api/transformations', regulator.key)).map((t: { id: string }) => t.id)).toContain(made.id);

    await expectOk(
      post(`/api/batches/${outputId}/grading`, factory.key, {
        facilityId: plant,
        gradedAt: T('17:00'),
        classes: [{ grade: '特级', quantity: { value: 35, unit: 'kg' }, attributes: {} }],
      }),
    );
    const packed = await expectOk(
      post(`/api/batches/${outputId}/packing`, factory.key, {
        facilityId: plant,
        packedAt: T('18:00'),
        lines: [{ grade: '特级', count: 10, netWeight: { value: 0.25, unit: 'kg' }, itemsPerCarton: 10 }],
      }),
    );
    const scan = await call('GET', new URL(packed.items[0].scanUrl).pathname, { headers: { accept: 'application/json' } });
    expect(scan.status).toBe(200);
  });

  it('turns live birds into chilled ones, weighing the yield by live weight, with the quarantine certificate', async () => {
    const flock = await expectOk(post('/api/batches', poultryCoop.key, { productId: live, farmPlotId: poultryPlot }));
    await expectOk(
      post(`/api/batches/${flock.id}/harvests`, poultryCoop.key, {
        harvestedAt: T('05:00'),
        quantity: { value: 500, unit: 'head' },
        liveWeight: { value: 900, unit: 'kg' },
      }),
    );
    await handOver(call, flock.id, poultryCoop, slaughter, T('06:00'));
    const slaughtering = (extra: Record<string, unknown>) =>
      post('/api/transformations', slaughter.key, {
        plantId: poultryPlant,
        process: 'slaughter',
        startedAt: T('07:00'),
        endedAt: T('09:00'),
        steps: [{ name: '屠宰', startedAt: T('07:10'), parameters: { method: '电麻' } }],
        inputs: [{ batchId: flock.id, quantity: { value: 200, unit: 'head' } }],
        outputs: [{ productId: chilled, quantity: { value: 270, unit: 'kg' } }],
        ...extra,
      });
    expect(await slaughtering({})).toMatchObject({ status: 400, body: { code: 'quarantine_certificate_required' } });
    const made = await expectOk(slaughtering({ quarantineCertificateNo: 'A44-0281-260410-0031' }));
    expect(made).toMatchObject({
      quarantineCertificateNo: 'A44-0281-260410-0031',
      inputs: [{ quantity: { value: 200, unit: 'head' }, weightKg: 360 }],
      yieldPct: 75,
    });
    expect((await get(`/api/batches/${flock.id}`, poultryCoop.key)).quantities).toMatchObject({
      unit: 'head',
      supplied: 500,
      liveWeightKg: 900,
      consumed: 200,
      remaining: 300,
    });
  });

  describe('refuses what cannot be, writing nothing', () => {
    let lot: string;
    beforeAll(async () => {
      lot = await leavesLot(coop1, plot1, 50);
    });
    const untouched = async () =>
      expect((await get(`/api/batches/${lot}`, coop1.key)).quantities).toMatchObject({ reserved: 0, consumed: 0, remaining: 50 });

    it('an unknown lot', async () => {
      const answer = await teaProcessing([
        { batchId: lot, whole: true },
        { batchId: 'B-NOSUCH', whole: true },
      ]);
      expect(answer).toMatchObject({ status: 404, body: { code: 'batch_not_found', details: { field: 'inputs.1.batchId' } } });
      await untouched();
    });

    it('another organization’s lot that was neither handed over nor bought', async () => {
      const own = await expectOk(post('/api/batches', coop2.key, { productId: leaves, farmPlotId: plot2 }));
      await expectOk(post(`/api/batches/${own.id}/harvests`, coop2.key, { harvestedAt: T('06:00'), quantity: { value: 40, unit: 'kg' } }));
      const answer = await teaProcessing([
        { batchId: lot, whole: true },
        { batchId: own.id, whole: true },
      ]);
      expect(answer).toMatchObject({ status: 403, body: { code: 'not_batch_custodian', details: { field: 'inputs.1' } } });
      expect(answer.body.message).toContain(own.id);
      await untouched();
    });

    it('more than remains, naming the lot and what is left', async () => {
      const answer = await teaProcessing([{ batchId: lot, quantity: { value: 51, unit: 'kg' } }]);
      expect(answer).toMatchObject({
        status: 409,
        body: { code: 'insufficient_quantity', details: { batchId: lot, remaining: { value: 50, unit: 'kg' } } },
      });
      await untouched();
    });

    it('a lot of the wrong product for the process', async () => {
      const plums = await leavesLot(coop1, plot1, 30, T('06:00'), plum);
      const answer = await teaProcessing([
        { batchId: lot, whole: true },
        { batchId: plums, whole: true },
      ]);
      expect(answer).toMatchObject({ status: 400, body: { code: 'wrong_input_product' } });
      await untouched();
    });

    it('a transformation before its inputs were harvested', async () => {
      const late = await leavesLot(coop1, plot1, 30, T('09:00'));
      const answer = await teaProcessing([
        { batchId: lot, whole: true },
        { batchId: late, whole: true },
      ]);
      expect(answer).toMatchObject({ status: 400, body: { code: 'before_harvest' } });
      await untouched();
    });

    it('a cycle: an output lot made from itself or from its own descendant', async () => {
      const first = await expectOk(teaProcessing([{ batchId: await leavesLot(coop2, plot2, 20), whole: true }]));
      const teaLot = first.outputs[0].batchId;
      const reblend = await post('/api/transformations', factory.key, {
        plantId: plant,
        process: 'blending',
        startedAt: T('17:00'),
        endedAt: T('18:00'),
        inputs: [{ batchId: teaLot, quantity: { value: 5, unit: 'kg' } }],
        outputs: [{ batchId: teaLot, quantity: { value: 5, unit: 'kg' } }],
      });
      expect(reblend).toMatchObject({ status: 400, body: { code: 'cycle' } });
    });

    it('anyone but a processor, and a plant not its own', async () => {
      expect(await post('/api/transformations', coop1.key, {})).toMatchObject({ status: 403 });
      const other = await registerOrg(call, 'processor', '乐昌市另一家茶厂');
      const answer = await call('POST', '/api/transformations', {
        key: other.key,
        body: {
          plantId: plant,
          process: 'tea_processing',
          startedAt: T('08:00'),
          endedAt: T('16:00'),
          inputs: [{ batchId: lot, whole: true }],
          outputs: [{ productId: tea, quantity: { value: 10, unit: 'kg' } }],
        },
      });
      expect(answer.status).toBe(403);
      await untouched();
    });
  });

  it('lets one of two transformations racing for the same leaves win; the other releases what it had reserved', async () => {
    const a = await leavesLot(coop1, plot1, 100);
    const b = await leavesLot(coop2, plot2, 100);
    const inputs = [
      { batchId: a, quantity: { value: 30, unit: 'kg' } },
      { batchId: b, quantity: { value: 80, unit: 'kg' } },
    ];
    const answers = await Promise.all([teaProcessing(inputs), teaProcessing(inputs)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.status === 409)!.body.code).toBe('insufficient_quantity');
    expect((await get(`/api/batches/${a}`, coop1.key)).quantities).toMatchObject({ reserved: 0, consumed: 30, remaining: 70 });
    expect((await get(`/api/batches/${b}`, coop2.key)).quantities).toMatchObject({ reserved: 0, consumed: 80, remaining: 20 });
  });

  describe('after a writer stopped in the middle', () => {
    const actor = () => ({ organizationId: factory.id, keyId: 'test', role: 'processor' });

    it('releases reservations whose transformation was never recorded', async () => {
      const lot = await leavesLot(coop1, plot1, 40);
      const batches = app.running.app.get(BatchCommands);
      await batches.run(
        lot,
        {
          type: 'ReserveInput',
          actor: actor(),
          now: batches.now(),
          transformationId: 'TF-STOPPED',
          startedAt: T('08:00'),
          take: { kind: 'whole' },
        },
        { actor: actor() },
      );
      expect((await get(`/api/batches/${lot}`, coop1.key)).quantities).toMatchObject({ reserved: 40, remaining: 0 });
      const done = await app.running.app.get(TransformationRecovery).sweep(0);
      expect(done.released).toContain('TF-STOPPED');
      expect((await get(`/api/batches/${lot}`, coop1.key)).quantities).toMatchObject({ reserved: 0, remaining: 40 });
    });
  });
});
