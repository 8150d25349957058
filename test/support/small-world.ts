import { Call } from '../../apps/cli/src/world';
import { Org, expectOk, registerCountyFacility, registerCountyOrg, registerPlum } from './fixtures';

/** The fewest of the county's actors and places a batch needs to go from plot to village point. */
export interface SmallWorld {
  coop: Org;
  packer: Org;
  lab: Org;
  carrier: Org;
  plot: string;
  packhouse: string;
  hub: string;
  town: string;
  village: string;
  truck: string;
  plum: string;
}

export async function smallWorld(call: Call, options: { gtin?: boolean } = {}): Promise<SmallWorld> {
  const [coop, packer, lab, carrier] = await Promise.all(
    (['plumCoop', 'packhouse', 'lab', 'logistics'] as const).map((org) => registerCountyOrg(call, org)),
  );
  return {
    coop,
    packer,
    lab,
    carrier,
    plot: await registerCountyFacility(call, coop, 'plumPlot'),
    packhouse: await registerCountyFacility(call, packer, 'packhouse'),
    hub: await registerCountyFacility(call, carrier, 'hub'),
    town: await registerCountyFacility(call, carrier, 'stationJiufeng'),
    village: await registerCountyFacility(call, carrier, 'villageChaliao'),
    truck: await registerCountyFacility(call, carrier, 'truck'),
    plum: await registerPlum(call, options),
  };
}

/** A batch harvested and handed to the packhouse, which accepted it: ready to pre-cool, grade and pack; returns its id. */
export async function harvestedBatch(call: Call, w: SmallWorld, kg = 500): Promise<string> {
  const batch = await expectOk(call('POST', '/api/batches', { key: w.coop.key, body: { productId: w.plum, farmPlotId: w.plot } }));
  await expectOk(
    call('POST', `/api/batches/${batch.id}/harvests`, {
      key: w.coop.key,
      body: { harvestedAt: '2026-07-15T06:00:00+08:00', quantity: { value: kg, unit: 'kg' } },
    }),
  );
  await handOver(call, batch.id, w.coop, w.packer, '2026-07-15T07:00:00+08:00');
  return batch.id;
}

/** The owner hands its batch's goods to another organization, which accepts them (交接); returns the hand-over. */
export async function handOver(call: Call, batchId: string, owner: Org, to: Org, at: string): Promise<{ id: string }> {
  const handover = await expectOk(
    call('POST', `/api/batches/${batchId}/handovers`, { key: owner.key, body: { toOrganizationId: to.id, handedOverAt: at } }),
  );
  return expectOk(call('POST', `/api/batches/${batchId}/handovers/${handover.id}/acceptance`, { key: to.key, body: { acceptedAt: at } }));
}

export async function pack(call: Call, w: SmallWorld, batchId: string, count = 20, itemsPerCarton = 10) {
  return expectOk(
    call('POST', `/api/batches/${batchId}/packing`, {
      key: w.packer.key,
      body: {
        facilityId: w.packhouse,
        packedAt: '2026-07-15T11:00:00+08:00',
        lines: [{ grade: '特级', count, netWeight: { value: 2.5, unit: 'kg' }, itemsPerCarton }],
      },
    }),
  );
}

/** The packer sends cartons from its packhouse to the hub on the truck at noon; the carrier receives them intact at 13:30. Returns the shipment. */
export async function shipToHub(call: Call, w: SmallWorld, cartonIds: string[]): Promise<{ id: string }> {
  const leg = await expectOk(
    call('POST', '/api/shipments', {
      key: w.packer.key,
      body: { fromFacilityId: w.packhouse, toFacilityId: w.hub, vehicleId: w.truck, cartonIds, dispatchedAt: '2026-07-15T12:00:00+08:00' },
    }),
  );
  await expectOk(
    call('POST', `/api/shipments/${leg.id}/receipt`, {
      key: w.carrier.key,
      body: { facilityId: w.hub, receivedAt: '2026-07-15T13:30:00+08:00', condition: 'intact' },
    }),
  );
  return leg;
}
