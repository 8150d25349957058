import { Actor, FacilityRef } from '@suyuan/core';
import { NOW, plum } from './batch.fixtures';
import {
  ConsumeInput,
  ProductRef,
  RecordHouseholdPurchase,
  RecordProduction,
  RecordPurchase,
  RegisterBatch,
  RegisterOutputLot,
  RegisterPurchaseLot,
  ReleaseInput,
  ReserveInput,
} from './commands';
import {
  BatchHandedOver,
  BatchHandoverAccepted,
  BatchHarvested,
  BatchInputConsumed,
  BatchInputReserved,
  BatchProduced,
  BatchPurchaseRecorded,
  BatchPurchasedFromHousehold,
  BatchRegistered,
  BatchReservationReleased,
} from './events';

/*
 * The plums of batch.fixtures.ts meet a processor: 九峰李果品加工厂 takes the picked plums over,
 * buys them (收购), dries part of them into 李干 in its own lot, and keeps a lot of plums it buys
 * from households. Beside it, a slaughterhouse takes a flock of 雪毛鸡 counted in heads.
 */

export const processor: Actor = { organizationId: 'org-jiufeng-fruit-factory', keyId: 'key-fruit-1', role: 'processor' };
export const rivalProcessor: Actor = { organizationId: 'org-pingshi-fruit-factory', keyId: 'key-pingshi-1', role: 'processor' };
export const plant: FacilityRef = { id: 'fac-jiufeng-drying-plant', ownerId: 'org-jiufeng-fruit-factory', type: 'processing_plant' };
export const rivalPlant: FacilityRef = { id: 'fac-pingshi-plant', ownerId: 'org-pingshi-fruit-factory', type: 'processing_plant' };

export const driedPlum: ProductRef = { id: 'prd-jiufeng-dried-plum', nameZh: '九峰李干', grades: ['一级', '二级'] };

/** The cooperative hands its picked plums to the factory, which takes them over the next morning. */
export const handedToProcessor: BatchHandedOver = {
  type: 'BatchHandedOver',
  data: {
    batchId: 'bat-jf-20250618',
    handoverId: 'ho-0619-factory',
    toOrganizationId: 'org-jiufeng-fruit-factory',
    handedOverAt: '2025-06-19T08:00:00+08:00',
  },
};

export const processorAccepted: BatchHandoverAccepted = {
  type: 'BatchHandoverAccepted',
  data: {
    batchId: 'bat-jf-20250618',
    handoverId: 'ho-0619-factory',
    organizationId: 'org-jiufeng-fruit-factory',
    acceptedAt: '2025-06-19T09:00:00+08:00',
  },
};

/** The factory holds the plums: what its reservations and purchases from the batch rest on. */
export const inProcessorHands = [handedToProcessor, processorAccepted];

/** 300 kg of the plums set aside for the drying that started on 20 June. */
export const reserveInput: ReserveInput = {
  type: 'ReserveInput',
  actor: processor,
  now: NOW,
  transformationId: 'tf-0620-drying',
  startedAt: '2025-06-20T08:00:00+08:00',
  take: { kind: 'quantity', quantity: { value: 300, unit: 'kg' } },
  acceptedProducts: ['prd-huangjin-nai-plum'],
};

export const inputReserved: BatchInputReserved = {
  type: 'BatchInputReserved',
  data: {
    batchId: 'bat-jf-20250618',
    transformationId: 'tf-0620-drying',
    processorId: 'org-jiufeng-fruit-factory',
    quantity: { value: 300, unit: 'kg' },
    weightKg: 300,
    reservedAt: NOW,
  },
};

export const consumeInput: ConsumeInput = { type: 'ConsumeInput', actor: processor, now: NOW, transformationId: 'tf-0620-drying' };

export const inputConsumed: BatchInputConsumed = {
  type: 'BatchInputConsumed',
  data: { batchId: 'bat-jf-20250618', transformationId: 'tf-0620-drying', consumedAt: NOW },
};

export const releaseInput: ReleaseInput = {
  type: 'ReleaseInput',
  actor: processor,
  now: NOW,
  transformationId: 'tf-0620-drying',
  reason: 'another input of the transformation was refused',
};

export const reservationReleased: BatchReservationReleased = {
  type: 'BatchReservationReleased',
  data: {
    batchId: 'bat-jf-20250618',
    transformationId: 'tf-0620-drying',
    reason: 'another input of the transformation was refused',
    releasedAt: NOW,
  },
};

/** The 李干 the drying made: a new lot at the factory's plant. */
export const registerOutputLot: RegisterOutputLot = {
  type: 'RegisterOutputLot',
  actor: processor,
  now: NOW,
  batchId: 'bat-jfd-20250622',
  lotCode: 'JFD2025-0622',
  product: driedPlum,
  plant,
  transformationId: 'tf-0620-drying',
  quantity: { value: 60, unit: 'kg' },
  producedAt: '2025-06-22T18:00:00+08:00',
};

export const outputLotRegistered: BatchRegistered = {
  type: 'BatchRegistered',
  data: {
    batchId: 'bat-jfd-20250622',
    lotCode: 'JFD2025-0622',
    productId: 'prd-jiufeng-dried-plum',
    cooperativeId: 'org-jiufeng-fruit-factory',
    origin: { kind: 'transformation', transformationId: 'tf-0620-drying', plantId: 'fac-jiufeng-drying-plant' },
    grades: ['一级', '二级'],
  },
};

export const produced: BatchProduced = {
  type: 'BatchProduced',
  data: {
    batchId: 'bat-jfd-20250622',
    transformationId: 'tf-0620-drying',
    quantity: { value: 60, unit: 'kg' },
    producedAt: '2025-06-22T18:00:00+08:00',
  },
};

/** A second drying topping the lot up. */
export const recordProduction: RecordProduction = {
  type: 'RecordProduction',
  actor: processor,
  now: NOW,
  transformationId: 'tf-0623-drying',
  quantity: { value: 45, unit: 'kg' },
  producedAt: '2025-06-24T18:00:00+08:00',
};

export const producedAgain: BatchProduced = {
  type: 'BatchProduced',
  data: {
    batchId: 'bat-jfd-20250622',
    transformationId: 'tf-0623-drying',
    quantity: { value: 45, unit: 'kg' },
    producedAt: '2025-06-24T18:00:00+08:00',
  },
};

/** The factory's lot of plums bought from households at its gate (收购). */
export const registerPurchaseLot: RegisterPurchaseLot = {
  type: 'RegisterPurchaseLot',
  actor: processor,
  batchId: 'bat-jfp-20250619',
  lotCode: 'JFP2025-0619',
  product: plum,
  plant,
};

export const purchaseLotRegistered: BatchRegistered = {
  type: 'BatchRegistered',
  data: {
    batchId: 'bat-jfp-20250619',
    lotCode: 'JFP2025-0619',
    productId: 'prd-huangjin-nai-plum',
    cooperativeId: 'org-jiufeng-fruit-factory',
    origin: { kind: 'purchase', plantId: 'fac-jiufeng-drying-plant' },
    grades: ['特级', '一级', '二级'],
  },
};

/** 120 kg from one household, picked that morning, with the 承诺达标合格证 it printed. */
export const recordHouseholdPurchase: RecordHouseholdPurchase = {
  type: 'RecordHouseholdPurchase',
  actor: processor,
  now: NOW,
  purchaseId: 'pu-0619-h01',
  personId: 'per-7f3a9c',
  quantity: { value: 120, unit: 'kg' },
  purchasedAt: '2025-06-19T10:00:00+08:00',
  harvestedAt: '2025-06-19T06:00:00+08:00',
  certificateNo: 'HG440281-20250619-0031',
};

export const purchasedFromHousehold: BatchPurchasedFromHousehold = {
  type: 'BatchPurchasedFromHousehold',
  data: {
    batchId: 'bat-jfp-20250619',
    purchaseId: 'pu-0619-h01',
    personId: 'per-7f3a9c',
    quantity: { value: 120, unit: 'kg' },
    purchasedAt: '2025-06-19T10:00:00+08:00',
    harvestedAt: '2025-06-19T06:00:00+08:00',
    certificateNo: 'HG440281-20250619-0031',
  },
};

/** The factory, holding the cooperative's plums, buys 500 kg of them with the batch's certificate. */
export const recordPurchase: RecordPurchase = {
  type: 'RecordPurchase',
  actor: processor,
  now: NOW,
  purchaseId: 'pu-0619-jf',
  quantity: { value: 500, unit: 'kg' },
  purchasedAt: '2025-06-19T09:30:00+08:00',
  certificateNo: 'HG440281-20250618-0001',
};

export const purchaseRecorded: BatchPurchaseRecorded = {
  type: 'BatchPurchaseRecorded',
  data: {
    batchId: 'bat-jf-20250618',
    purchaseId: 'pu-0619-jf',
    buyerOrganizationId: 'org-jiufeng-fruit-factory',
    quantity: { value: 500, unit: 'kg' },
    purchasedAt: '2025-06-19T09:30:00+08:00',
    certificateNo: 'HG440281-20250618-0001',
  },
};

/** A flock of 雪毛鸡 raised under the forest at 马溪村, counted in heads, sent to slaughter. */
export const poultryCooperative: Actor = { organizationId: 'org-huangpu-poultry-coop', keyId: 'key-huangpu-1', role: 'cooperative' };
export const slaughterhouse: Actor = { organizationId: 'org-lechang-slaughterhouse', keyId: 'key-slaughter-1', role: 'processor' };
export const poultryFarm: FacilityRef = { id: 'fac-maxi-poultry-farm', ownerId: 'org-huangpu-poultry-coop', type: 'farm_plot' };
export const chicken: ProductRef = { id: 'prd-xuemao-chicken', nameZh: '乐昌雪毛鸡', grades: [] };

export const registerFlock: RegisterBatch = {
  type: 'RegisterBatch',
  actor: poultryCooperative,
  batchId: 'bat-mx-20250615',
  lotCode: 'MX2025-0615',
  product: chicken,
  farmPlot: poultryFarm,
};

export const flockRegistered: BatchRegistered = {
  type: 'BatchRegistered',
  data: {
    batchId: 'bat-mx-20250615',
    lotCode: 'MX2025-0615',
    productId: 'prd-xuemao-chicken',
    cooperativeId: 'org-huangpu-poultry-coop',
    farmPlotId: 'fac-maxi-poultry-farm',
    grades: [],
  },
};

/** 出栏: 200 birds weighing 360 kg alive. */
export const flockHarvested: BatchHarvested = {
  type: 'BatchHarvested',
  data: {
    batchId: 'bat-mx-20250615',
    harvestId: 'hv-0615',
    harvestedAt: '2025-06-15T05:00:00+08:00',
    quantity: { value: 200, unit: 'head' },
    farmPlotId: 'fac-maxi-poultry-farm',
    liveWeight: { value: 360, unit: 'kg' },
  },
};

/** The slaughterhouse holds the flock. */
export const flockAtSlaughterhouse = [
  {
    type: 'BatchHandedOver',
    data: {
      batchId: 'bat-mx-20250615',
      handoverId: 'ho-0615',
      toOrganizationId: 'org-lechang-slaughterhouse',
      handedOverAt: '2025-06-15T07:00:00+08:00',
    },
  } satisfies BatchHandedOver,
  {
    type: 'BatchHandoverAccepted',
    data: {
      batchId: 'bat-mx-20250615',
      handoverId: 'ho-0615',
      organizationId: 'org-lechang-slaughterhouse',
      acceptedAt: '2025-06-15T08:00:00+08:00',
    },
  } satisfies BatchHandoverAccepted,
];
