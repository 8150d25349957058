import { ShipmentDelivered } from '@suyuan/logistics';
import {
  BatchHarvested,
  BatchInputConsumed,
  BatchInputReserved,
  BatchPacked,
  BatchProduced,
  BatchPurchasedFromHousehold,
  BatchPurchaseRecorded,
  BatchRegistered,
  BatchReservationReleased,
} from '@suyuan/production';
import { DocWrite } from '@suyuan/readmodels';
import { FacilityView, ProductRegistered, ProductView } from '@suyuan/registry';

/**
 * 乐昌白毛茶 in 乐昌市: fresh leaves from two tea gardens of known area and one registered
 * without it, a tea factory that buys leaves from households and makes finished tea, and its
 * seasons from March. Sample yields: 300 kg of fresh leaves, or 60 kg of finished tea, per 亩.
 */

export const GUANGDONG = '广东省';
export const LECHANG = '乐昌市';
const lechang = { province: GUANGDONG, city: '韶关市', county: LECHANG };

const product = (id: string, nameZh: string, nameEn: string, extra: Partial<ProductView>): DocWrite => ({
  collection: 'products',
  id,
  doc: {
    id,
    nameZh,
    nameEn,
    category: 'tea',
    storageClass: 'ambient',
    grades: ['特级', '一级'],
    registeredAt: '2026-01-05T00:00:00.000Z',
    ...extra,
  },
});
const facility = (id: string, type: FacilityView['type'], name: string, extra: Partial<FacilityView> = {}): DocWrite => ({
  collection: 'facilities',
  id,
  doc: {
    id,
    ownerId: 'org-owner',
    ownerName: '',
    type,
    name,
    region: { ...lechang, town: '沙坪镇' },
    registeredAt: '2026-01-05T00:00:00.000Z',
    ...extra,
  },
});

export const LEAVES = 'prd-baimao-leaves';
export const TEA = 'prd-baimao-tea';
export const CHICKEN = 'prd-xuemao-chicken';

/** The registry's documents the mass balance reads. */
export const registry: DocWrite[] = [
  product(LEAVES, '乐昌白毛茶鲜叶', 'Lechang Baimao tea leaves', { yieldPerMu: { kg: 300, seasonStartMonth: 3 } }),
  product(TEA, '乐昌白毛茶', 'Lechang Baimao tea', { madeFrom: [LEAVES], yieldPerMu: { kg: 60, seasonStartMonth: 3 } }),
  product(CHICKEN, '乐昌雪毛鸡', 'Lechang Xuemao chicken', {}),
  facility('fac-garden-1', 'farm_plot', '沙坪村 1 号茶园', { areaMu: 10 }),
  facility('fac-garden-2', 'farm_plot', '沙坪村 2 号茶园', { areaMu: 5 }),
  facility('fac-garden-3', 'farm_plot', '沙坪村 3 号茶园'),
  facility('fac-renhua-garden', 'farm_plot', '董塘镇茶园', { areaMu: 8, region: { province: GUANGDONG, county: '仁化县' } }),
  facility('fac-tea-plant', 'processing_plant', '乐昌白毛茶厂'),
  facility('fac-poultry-house', 'farm_plot', '黄圃镇 1 号鸡舍', { areaMu: 2 }),
];

/** Finished tea is made from fresh leaves. */
export const teaRegistered: ProductRegistered = {
  type: 'ProductRegistered',
  data: {
    productId: TEA,
    nameZh: '乐昌白毛茶',
    nameEn: 'Lechang Baimao tea',
    category: 'tea',
    storageClass: 'ambient',
    grades: ['特级', '一级'],
    madeFrom: [LEAVES],
    yieldPerMu: { kg: 60, seasonStartMonth: 3 },
  },
};

export const grown = (batchId: string, farmPlotId: string, productId = LEAVES): BatchRegistered => ({
  type: 'BatchRegistered',
  data: { batchId, lotCode: batchId.toUpperCase(), productId, cooperativeId: 'org-coop', farmPlotId, grades: ['特级', '一级'] },
});

export const harvested = (batchId: string, farmPlotId: string, kg: number, harvestedAt = '2026-04-10T07:00:00+08:00'): BatchHarvested => ({
  type: 'BatchHarvested',
  data: { batchId, harvestId: `hv-${batchId}-${kg}`, harvestedAt, quantity: { value: kg, unit: 'kg' }, farmPlotId },
});

/** 200 雪毛鸡 raised in the poultry house, counted in heads, with their live weight where it was weighed. */
export const hensHarvested = (liveKg?: number): BatchHarvested => ({
  type: 'BatchHarvested',
  data: {
    batchId: 'bat-hens',
    harvestId: 'hv-hens',
    harvestedAt: '2026-05-02T06:00:00+08:00',
    quantity: { value: 200, unit: 'head' },
    ...(liveKg !== undefined && { liveWeight: { value: liveKg, unit: 'kg' } }),
    farmPlotId: 'fac-poultry-house',
  },
});

/** The tea factory's lot of leaves bought from households, at its plant. */
export const purchaseLot: BatchRegistered = {
  type: 'BatchRegistered',
  data: {
    batchId: 'bat-purchase',
    lotCode: 'SG-0410',
    productId: LEAVES,
    cooperativeId: 'org-tea-factory',
    origin: { kind: 'purchase', plantId: 'fac-tea-plant' },
    grades: ['特级', '一级'],
  },
};

export const boughtFromHousehold = (kg: number, purchaseId: string): BatchPurchasedFromHousehold => ({
  type: 'BatchPurchasedFromHousehold',
  data: {
    batchId: 'bat-purchase',
    purchaseId,
    personId: `per-${purchaseId}`,
    quantity: { value: kg, unit: 'kg' },
    purchasedAt: '2026-04-10T15:00:00+08:00',
  },
});

/** The factory's output lot of finished tea. */
export const outputLot: BatchRegistered = {
  type: 'BatchRegistered',
  data: {
    batchId: 'bat-tea',
    lotCode: 'BMC-0411',
    productId: TEA,
    cooperativeId: 'org-tea-factory',
    origin: { kind: 'transformation', transformationId: 'trf-0411', plantId: 'fac-tea-plant' },
    grades: ['特级', '一级'],
  },
};

export const teaProduced = (kg: number): BatchProduced => ({
  type: 'BatchProduced',
  data: { batchId: 'bat-tea', transformationId: 'trf-0411', quantity: { value: kg, unit: 'kg' }, producedAt: '2026-04-11T18:00:00+08:00' },
});

export const reserved = (batchId: string, quantity: { value: number; unit: string }, weightKg?: number): BatchInputReserved => ({
  type: 'BatchInputReserved',
  data: {
    batchId,
    transformationId: 'trf-0411',
    processorId: 'org-tea-factory',
    quantity,
    ...(weightKg !== undefined && { weightKg }),
    reservedAt: '2026-04-11T08:00:00+08:00',
  },
});

export const consumed = (batchId: string): BatchInputConsumed => ({
  type: 'BatchInputConsumed',
  data: { batchId, transformationId: 'trf-0411', consumedAt: '2026-04-11T18:00:00+08:00' },
});

export const released = (batchId: string): BatchReservationReleased => ({
  type: 'BatchReservationReleased',
  data: { batchId, transformationId: 'trf-0411', reason: 'input_refused', releasedAt: '2026-04-11T08:01:00+08:00' },
});

export const purchaseRecorded = (batchId: string, quantity: { value: number; unit: string }): BatchPurchaseRecorded => ({
  type: 'BatchPurchaseRecorded',
  data: { batchId, purchaseId: `pur-${batchId}`, buyerOrganizationId: 'org-buyer', quantity, purchasedAt: '2026-04-12T09:00:00+08:00' },
});

/** Items of 0.5 kg, `perCarton` to a carton. */
export const packedTea = (batchId: string, items: number, perCarton: number): BatchPacked => ({
  type: 'BatchPacked',
  data: {
    batchId,
    packingId: `pk-${batchId}`,
    facilityId: 'fac-tea-plant',
    packedAt: '2026-04-12T10:00:00+08:00',
    items: Array.from({ length: items }, (_, i) => ({
      code: `${batchId}-item-${i}`,
      cartonId: `${batchId}-ctn-${Math.floor(i / perCarton)}`,
      grade: '特级',
      netWeight: { value: 500, unit: 'g' },
    })),
    cartons: Array.from({ length: Math.ceil(items / perCarton) }, (_, c) => ({
      cartonId: `${batchId}-ctn-${c}`,
      itemCount: Math.min(perCarton, items - c * perCarton),
    })),
  },
});

export const delivered = (cartonIds: string[]): ShipmentDelivered => ({
  type: 'ShipmentDelivered',
  data: {
    shipmentId: 'shp-village',
    facilityId: 'fac-village',
    cartonIds,
    deliveredAt: '2026-04-14T10:00:00+08:00',
    recipient: '沙坪村便民店',
  },
});
