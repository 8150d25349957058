import { Call } from './api-client';
import { Org, expectOk, registerFacility, registerOrg, registerPlum } from './fixtures';

/** The fewest actors and places a batch needs to go from plot to village point. */
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

export async function smallWorld(call: Call, gtin?: string): Promise<SmallWorld> {
  const [coop, packer, lab, carrier] = await Promise.all([
    registerOrg(call, 'cooperative', '乐昌市北乡黄金柰李专业合作社'),
    registerOrg(call, 'packhouse', '北乡镇产地初加工中心'),
    registerOrg(call, 'testing_lab', '乐昌市农产品质量安全检测中心'),
    registerOrg(call, 'logistics', '乐昌市县域物流配送中心'),
  ]);
  return {
    coop,
    packer,
    lab,
    carrier,
    plot: await registerFacility(call, coop, 'farm_plot', '北乡村柰李园3号地块', { town: '北乡镇', village: '北乡村' }),
    packhouse: await registerFacility(call, packer, 'packhouse', '北乡镇预冷分级包装车间', { town: '北乡镇' }),
    hub: await registerFacility(call, carrier, 'county_hub', '乐昌市县级物流中心'),
    town: await registerFacility(call, carrier, 'town_station', '九峰镇服务站', { town: '九峰镇' }),
    village: await registerFacility(call, carrier, 'village_point', '茶料村服务点', { town: '九峰镇', village: '茶料村' }),
    truck: await registerFacility(call, carrier, 'vehicle', '冷链车1号', {}, { plate: '粤F·C1234' }),
    plum: await registerPlum(call, gtin),
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
