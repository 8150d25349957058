import { ApiClient, Call } from '../apps/cli/src/world';
import { Org, expectOk, registerCountyOrg } from './support/fixtures';
import { SmallWorld, harvestedBatch, pack, smallWorld } from './support/small-world';
import { plumRules, publishPlumStandard } from './support/standards';
import { TestApp, startTestApp } from './support/test-app';

/** A Beijing time of a July 2026 day. */
const T = (day: number, hhmm: string) => `2026-07-${day}T${hhmm}:00+08:00`;
/** Readings every 10 minutes from `start`, one per temperature. */
function readings(start: string, temperatures: number[]) {
  const t0 = Date.parse(start);
  return temperatures.map((temperatureC, i) => ({ at: new Date(t0 + i * 600_000).toISOString(), temperatureC }));
}

interface WindowSummary {
  kind: string;
  range: { minC: number; maxC: number };
  facilityName: string;
  readings: number;
  minutesOutOfRange: number;
  longestExcursionMinutes: number;
}
interface Segment {
  facilityName: string;
  from: string;
  readings: number;
  minutesOutOfRange: number;
  longestExcursionMinutes: number;
}

// One cold-chain truth: the verdict, the alerts and the consumer's page count a logger's readings
// in time order, whatever order they were uploaded in, whether before or after a stay opened.
describe.each(['inline', 'worker'] as const)('the cold chain judged and shown alike over HTTP (projector %s)', (projector) => {
  let app: TestApp;
  let call: Call;
  let w: SmallWorld;
  let regulator: Org;
  let owner: Org;

  /** The sample standard with the hub's cold store held to −1–3 °C and allowed 45 minutes out of range at a stretch; a truck 30. */
  const hubRules = () => ({ ...plumRules(), storage: { minC: -1, maxC: 3, maxExcursionMinutes: 45, maxTotalMinutesOutOfRange: 90 } });

  beforeAll(async () => {
    app = await startTestApp({ projector });
    call = new ApiClient(app.baseUrl).call;
    w = await smallWorld(call);
    regulator = await registerCountyOrg(call, 'regulator');
    owner = await registerCountyOrg(call, 'eCommerce');
    await publishPlumStandard(call, owner, w.plum, hubRules());
  });
  afterAll(() => app.close());

  const upload = (facilityId: string, rs: { at: string; temperatureC: number }[], deviceId = 'TL-0042') =>
    expectOk(call('POST', '/api/cold-chain/readings', { key: w.carrier.key, body: { facilityId, deviceId, readings: rs } }));
  const compliance = (batchId: string) => expectOk(call('GET', `/api/compliance/batches/${batchId}`, { key: regulator.key }));
  const itemVerdict = (code: string) => expectOk(call('GET', `/api/compliance/items/${code}`, { key: regulator.key }));
  const scan = (code: string) => expectOk(call('GET', `/t/${code}`));
  const rule = (verdict: { rules: { rule: string; status: string; reason: string }[] }, name: string) =>
    verdict.rules.find((r) => r.rule === name)!;
  const windowAt = (doc: { windows: Record<string, WindowSummary> }, kind: string, facilityName: string) =>
    Object.values(doc.windows).find((x) => x.kind === kind && x.facilityName === facilityName)!;
  const segmentAt = (page: { coldChain: { segments: Segment[] } }, facilityName: string, from: string) =>
    page.coldChain.segments.find((s) => s.facilityName === facilityName && Date.parse(s.from) === Date.parse(from))!;

  /** A packed batch's cartons on the truck from the packhouse to the county hub, leaving at `dispatchedAt`. */
  async function onTheTruck(dispatchedAt: string, world = w) {
    const batchId = await harvestedBatch(call, world);
    const packing = await pack(call, world, batchId, 10, 10);
    const cartonIds = packing.cartons.map((c: { cartonId: string }) => c.cartonId);
    const shipment = await expectOk(
      call('POST', '/api/shipments', {
        key: world.packer.key,
        body: { fromFacilityId: world.packhouse, toFacilityId: world.hub, cartonIds, dispatchedAt, vehicleId: world.truck },
      }),
    );
    const receive = (receivedAt: string) =>
      expectOk(
        call('POST', `/api/shipments/${shipment.id}/receipt`, {
          key: world.carrier.key,
          body: { facilityId: world.hub, receivedAt, condition: 'intact' },
        }),
      );
    return { batchId, code: packing.items[0].code as string, receive };
  }

  it('sees a 50-minute excursion on the road when the logger sent its later file first and the earlier one after arrival', async () => {
    const { batchId, code, receive } = await onTheTruck(T(15, '12:00'));
    // 12:30 to 13:20 at 5–6 °C against 0–3 °C: 50 minutes, 30 allowed.
    await upload(w.truck, readings(T(15, '13:00'), [5.5, 5.5, 2, 2, 2, 2]));
    await receive(T(15, '14:00'));
    await upload(w.truck, readings(T(15, '12:00'), [2, 2, 2, 5.5, 6, 6]));

    const verdict = await compliance(batchId);
    expect(rule(verdict, 'transport')).toMatchObject({ status: 'violated', reason: expect.stringContaining('50分钟') });
    expect(windowAt(verdict, 'transport', '冷链车1号')).toMatchObject({ readings: 12, minutesOutOfRange: 50, longestExcursionMinutes: 50 });
    expect(rule(await itemVerdict(code), 'transport').status).toBe('violated');
    const alerts = await expectOk(call('GET', '/api/compliance/violations', { key: w.coop.key }));
    expect(alerts).toEqual(
      expect.arrayContaining([expect.objectContaining({ batchId, rule: 'transport', reason: expect.stringContaining('50分钟') })]),
    );

    const page = await scan(code);
    expect(segmentAt(page, '冷链车1号', T(15, '12:00'))).toMatchObject({
      readings: 12,
      minutesOutOfRange: 50,
      longestExcursionMinutes: 50,
    });
    expect(rule(page.compliance, 'transport').status).toBe('violated');
  });

  it('judges a 60-minute excursion at the hub violated when it began in readings stored before the receipt was recorded', async () => {
    const { batchId, code, receive } = await onTheTruck(T(16, '11:00'));
    // The hub's logger synced before the receipt was recorded: 12:00 to 13:00 at 6 °C, 45 minutes allowed.
    await upload(w.hub, readings(T(16, '11:40'), [2, 2, 6, 6, 6, 6]));
    await receive(T(16, '12:00'));
    await upload(w.hub, readings(T(16, '12:40'), [6, 6, 2, 2, 2, 2]));

    const verdict = await compliance(batchId);
    expect(rule(verdict, 'storage')).toMatchObject({ status: 'violated', reason: expect.stringContaining('60分钟') });
    const stay = windowAt(verdict, 'storage', '乐昌市县级物流中心');
    expect(stay).toMatchObject({ readings: 10, minutesOutOfRange: 60, longestExcursionMinutes: 60 });
    expect(rule(await itemVerdict(code), 'storage').status).toBe('violated');

    // The page holds the stay to the range the verdict holds it to, and shows the same minutes.
    const page = await scan(code);
    expect(segmentAt(page, '乐昌市县级物流中心', T(16, '12:00'))).toMatchObject({
      readings: stay.readings,
      minutesOutOfRange: stay.minutesOutOfRange,
      longestExcursionMinutes: stay.longestExcursionMinutes,
      range: { minC: -1, maxC: 3 },
    });
  });

  it('holds a stay to the range of a version published after it began, on the verdict and the page alike', async () => {
    // Another county's plums, with no standard yet: the product's own storage range, −1–0 °C, holds.
    const other = await smallWorld(call);
    const { batchId, code, receive } = await onTheTruck(T(19, '10:00'), other);
    await receive(T(19, '12:00'));
    await expectOk(
      call('POST', '/api/cold-chain/readings', {
        key: other.carrier.key,
        body: { facilityId: other.hub, deviceId: 'TL-7', readings: readings(T(19, '12:00'), [2, 2, 2, 2]) },
      }),
    );
    const shown = async () => segmentAt(await scan(code), '乐昌市县级物流中心', T(19, '12:00'));
    expect(windowAt(await compliance(batchId), 'storage', '乐昌市县级物流中心')).toMatchObject({
      range: { minC: -1, maxC: 0 },
      minutesOutOfRange: 30,
    });
    expect(await shown()).toMatchObject({ range: { minC: -1, maxC: 0 }, minutesOutOfRange: 30 });

    await publishPlumStandard(call, owner, other.plum, hubRules());
    const stay = windowAt(await compliance(batchId), 'storage', '乐昌市县级物流中心');
    expect(stay).toMatchObject({ range: { minC: -1, maxC: 3 }, readings: 4, minutesOutOfRange: 0 });
    expect(await shown()).toMatchObject({ range: stay.range, readings: 4, minutesOutOfRange: 0 });
  });

  it('brings the readings count up to date when an upload does not move the minutes', async () => {
    const { batchId, code, receive } = await onTheTruck(T(17, '10:00'));
    await receive(T(17, '12:00'));
    await upload(w.hub, readings(T(17, '12:00'), [1, 1, 1, 1]));
    expect(windowAt(await compliance(batchId), 'storage', '乐昌市县级物流中心')).toMatchObject({ readings: 4, minutesOutOfRange: 0 });
    await upload(w.hub, readings(T(17, '12:40'), [1, 1, 1]));
    expect(windowAt(await compliance(batchId), 'storage', '乐昌市县级物流中心')).toMatchObject({ readings: 7, minutesOutOfRange: 0 });
    expect(segmentAt(await scan(code), '乐昌市县级物流中心', T(17, '12:00')).readings).toBe(7);
  });

  it('changes nothing on a duplicate upload: not the verdict, not the page, not the facility’s count', async () => {
    const { batchId, code, receive } = await onTheTruck(T(18, '10:00'));
    await receive(T(18, '12:00'));
    const file = readings(T(18, '12:00'), [1, 4, 4, 1, 1]);
    await upload(w.hub, file);
    const verdict = await compliance(batchId);
    const page = await scan(code);
    const facility = await expectOk(call('GET', `/api/cold-chain/${w.hub}`, { key: w.carrier.key }));
    expect(windowAt(verdict, 'storage', '乐昌市县级物流中心')).toMatchObject({ readings: 5, minutesOutOfRange: 20 });

    expect((await upload(w.hub, file)).accepted).toBe(5);
    expect(await compliance(batchId)).toEqual(verdict);
    expect(await scan(code)).toEqual(page);
    expect(await expectOk(call('GET', `/api/cold-chain/${w.hub}`, { key: w.carrier.key }))).toEqual(facility);
  });
});
