import { Actor, FacilityRef } from '@suyuan/core';
import {
  AcceptHandover,
  EndHandover,
  HandOverBatch,
  IssueComplianceCertificate,
  PackBatch,
  ProductRef,
  RecordFarmInput,
  RecordGrading,
  RecordHarvest,
  RecordPreCooling,
  RecordQualityTest,
  RegisterBatch,
} from './commands';
import {
  BatchGraded,
  BatchHeld,
  BatchHandedOver,
  BatchHandoverAccepted,
  BatchHandoverEnded,
  BatchHarvested,
  BatchPacked,
  BatchPreCooled,
  BatchRegistered,
  ComplianceCertificateIssued,
  FarmInputApplied,
  PackedItem,
  QualityTestRecorded,
} from './events';

/**
 * One batch of 黄金柰李 plums from a plot in 浪石村, 九峰镇, 乐昌市, picked on 18 and 20 June 2025,
 * pre-cooled, tested, graded and packed at the town's packhouse.
 */
export const cooperative: Actor = { organizationId: 'org-jiufeng-coop', keyId: 'key-jiufeng-1', role: 'cooperative' };
export const otherCooperative: Actor = { organizationId: 'org-beixiang-coop', keyId: 'key-beixiang-1', role: 'cooperative' };
export const packhouse: Actor = { organizationId: 'org-jiufeng-packhouse', keyId: 'key-packhouse-1', role: 'packhouse' };
export const lab: Actor = { organizationId: 'org-lechang-qtc', keyId: 'key-qtc-1', role: 'testing_lab' };
export const logistics: Actor = { organizationId: 'org-lechang-logistics', keyId: 'key-logistics-1', role: 'logistics' };

export const plot: FacilityRef = { id: 'fac-langshi-plot-3', ownerId: 'org-jiufeng-coop', type: 'farm_plot' };
export const otherPlot: FacilityRef = { id: 'fac-beixiang-plot-1', ownerId: 'org-beixiang-coop', type: 'farm_plot' };
export const packhouseFacility: FacilityRef = { id: 'fac-jiufeng-packhouse', ownerId: 'org-jiufeng-packhouse', type: 'packhouse' };
export const coldStore: FacilityRef = { id: 'fac-jiufeng-cold-store', ownerId: 'org-jiufeng-packhouse', type: 'cold_store' };
export const labFacility: FacilityRef = { id: 'fac-lechang-qtc-lab', ownerId: 'org-lechang-qtc', type: 'lab' };

/** When the commands below arrive: a week after the last picking day. */
export const NOW = '2025-06-25T09:00:00+08:00';

export const plum: ProductRef = { id: 'prd-huangjin-nai-plum', nameZh: '黄金柰李', grades: ['特级', '一级', '二级'] };

export const registerBatch: RegisterBatch = {
  type: 'RegisterBatch',
  actor: cooperative,
  batchId: 'bat-jf-20250618',
  lotCode: 'JF2025-0618',
  product: plum,
  farmPlot: plot,
};

export const batchRegistered: BatchRegistered = {
  type: 'BatchRegistered',
  data: {
    batchId: 'bat-jf-20250618',
    lotCode: 'JF2025-0618',
    productId: 'prd-huangjin-nai-plum',
    cooperativeId: 'org-jiufeng-coop',
    farmPlotId: 'fac-langshi-plot-3',
    grades: ['特级', '一级', '二级'],
  },
};

export const recordFarmInput: RecordFarmInput = {
  type: 'RecordFarmInput',
  actor: cooperative,
  now: NOW,
  inputId: 'in-0601-imidacloprid',
  inputName: '10% 吡虫啉可湿性粉剂',
  activeIngredient: 'imidacloprid',
  kind: 'pesticide',
  dose: { value: 20, unit: 'g/亩' },
  appliedAt: '2025-06-01T07:00:00+08:00',
  safetyIntervalDays: 14,
};

export const farmInputApplied: FarmInputApplied = {
  type: 'FarmInputApplied',
  data: {
    batchId: 'bat-jf-20250618',
    inputId: 'in-0601-imidacloprid',
    inputName: '10% 吡虫啉可湿性粉剂',
    activeIngredient: 'imidacloprid',
    kind: 'pesticide',
    dose: { value: 20, unit: 'g/亩' },
    appliedAt: '2025-06-01T07:00:00+08:00',
    safetyIntervalDays: 14,
    farmPlotId: 'fac-langshi-plot-3',
  },
};

export const recordHarvest: RecordHarvest = {
  type: 'RecordHarvest',
  actor: cooperative,
  now: NOW,
  harvestId: 'hv-0618',
  harvestedAt: '2025-06-18T06:30:00+08:00',
  quantity: { value: 800, unit: 'kg' },
};

export const harvested: BatchHarvested = {
  type: 'BatchHarvested',
  data: {
    batchId: 'bat-jf-20250618',
    harvestId: 'hv-0618',
    harvestedAt: '2025-06-18T06:30:00+08:00',
    quantity: { value: 800, unit: 'kg' },
    farmPlotId: 'fac-langshi-plot-3',
  },
};

/** The second picking day, in tonnes. */
export const harvestedAgain: BatchHarvested = {
  type: 'BatchHarvested',
  data: {
    batchId: 'bat-jf-20250618',
    harvestId: 'hv-0620',
    harvestedAt: '2025-06-20T06:00:00+08:00',
    quantity: { value: 0.4, unit: 't' },
    farmPlotId: 'fac-langshi-plot-3',
  },
};

export const recordPreCooling: RecordPreCooling = {
  type: 'RecordPreCooling',
  actor: packhouse,
  now: NOW,
  facility: packhouseFacility,
  startedAt: '2025-06-18T09:00:00+08:00',
  endedAt: '2025-06-18T11:30:00+08:00',
  coreTemperatureC: 4.5,
};

export const preCooled: BatchPreCooled = {
  type: 'BatchPreCooled',
  data: {
    batchId: 'bat-jf-20250618',
    facilityId: 'fac-jiufeng-packhouse',
    startedAt: '2025-06-18T09:00:00+08:00',
    endedAt: '2025-06-18T11:30:00+08:00',
    coreTemperatureC: 4.5,
  },
};

/** Pesticide residue rapid test by enzyme inhibition: below 50 % inhibition passes. */
export const recordQualityTest: RecordQualityTest = {
  type: 'RecordQualityTest',
  actor: lab,
  now: NOW,
  testId: 'qt-20250618-07',
  facility: labFacility,
  method: 'pesticide_residue_rapid_test',
  standardRef: 'GB/T 5009.199-2003',
  analyte: 'organophosphate_carbamate',
  sampleId: 'S-20250618-07',
  testedAt: '2025-06-18T10:15:00+08:00',
  value: 18.5,
  unit: '%',
  threshold: 50,
  passed: true,
};

export const qualityTestRecorded: QualityTestRecorded = {
  type: 'QualityTestRecorded',
  data: {
    batchId: 'bat-jf-20250618',
    testId: 'qt-20250618-07',
    labId: 'org-lechang-qtc',
    facilityId: 'fac-lechang-qtc-lab',
    method: 'pesticide_residue_rapid_test',
    standardRef: 'GB/T 5009.199-2003',
    analyte: 'organophosphate_carbamate',
    sampleId: 'S-20250618-07',
    testedAt: '2025-06-18T10:15:00+08:00',
    value: 18.5,
    unit: '%',
    threshold: 50,
    passed: true,
  },
};

export const recordGrading: RecordGrading = {
  type: 'RecordGrading',
  actor: packhouse,
  now: NOW,
  gradingId: 'gr-0618',
  facility: packhouseFacility,
  gradedAt: '2025-06-18T13:00:00+08:00',
  classes: [
    { grade: '特级', quantity: { value: 300, unit: 'kg' }, attributes: { diameterMm: 45, brix: 14.2 } },
    { grade: '一级', quantity: { value: 350, unit: 'kg' }, attributes: { diameterMm: 40, brix: 13 } },
  ],
};

export const graded: BatchGraded = {
  type: 'BatchGraded',
  data: {
    batchId: 'bat-jf-20250618',
    gradingId: 'gr-0618',
    facilityId: 'fac-jiufeng-packhouse',
    gradedAt: '2025-06-18T13:00:00+08:00',
    classes: recordGrading.classes,
  },
};

export function item(code: string, cartonId: string, grade: string, kg: number): PackedItem {
  return { code, cartonId, grade, netWeight: { value: kg, unit: 'kg' } };
}

/** Two 2.5 kg gift boxes of 特级 in one carton, one 5 kg box of 一级 in another. */
export const packBatch: PackBatch = {
  type: 'PackBatch',
  actor: packhouse,
  now: NOW,
  packingId: 'pk-0618-1',
  facility: packhouseFacility,
  packedAt: '2025-06-18T15:00:00+08:00',
  items: [
    item('7K2M9Q4R8T1VX3PA', 'CTN-0618-001', '特级', 2.5),
    item('9D4HW2JN6C8QZ1TB', 'CTN-0618-001', '特级', 2.5),
    item('3F8KP5XR2M7WG4NC', 'CTN-0618-002', '一级', 5),
  ],
  cartons: [
    { cartonId: 'CTN-0618-001', itemCount: 2 },
    { cartonId: 'CTN-0618-002', itemCount: 1 },
  ],
};

export const packed: BatchPacked = {
  type: 'BatchPacked',
  data: {
    batchId: 'bat-jf-20250618',
    packingId: 'pk-0618-1',
    facilityId: 'fac-jiufeng-packhouse',
    packedAt: '2025-06-18T15:00:00+08:00',
    items: packBatch.items,
    cartons: packBatch.cartons,
  },
};

/** A second packing session that evening: one more 5 kg box of 一级, in a third carton. */
export const packAgain: PackBatch = {
  ...packBatch,
  packingId: 'pk-0618-2',
  packedAt: '2025-06-18T17:00:00+08:00',
  items: [item('5R7TB1WQ9H3KM6DE', 'CTN-0618-003', '一级', 5)],
  cartons: [{ cartonId: 'CTN-0618-003', itemCount: 1 }],
};

/** The promise as the 承诺达标合格证 template words it. */
const PROMISE = '不使用禁用农药兽药、停用兽药和非法添加物，常规农药兽药残留不超标，对承诺的真实性负责';

export const issueCertificate: IssueComplianceCertificate = {
  type: 'IssueComplianceCertificate',
  actor: cooperative,
  now: NOW,
  certificateNo: 'HG440281-20250618-0001',
  productName: '黄金柰李',
  quantity: { value: 800, unit: 'kg' },
  producerName: '乐昌市九峰镇黄金柰李专业合作社',
  origin: '广东省韶关市乐昌市九峰镇浪石村',
  contactPhone: '0751-5551234',
  issuedAt: '2025-06-18T16:00:00+08:00',
  promise: PROMISE,
  basis: ['self_tested'],
};

export const certificateIssued: ComplianceCertificateIssued = {
  type: 'ComplianceCertificateIssued',
  data: {
    batchId: 'bat-jf-20250618',
    certificateNo: 'HG440281-20250618-0001',
    productName: '黄金柰李',
    quantity: { value: 800, unit: 'kg' },
    producerName: '乐昌市九峰镇黄金柰李专业合作社',
    origin: '广东省韶关市乐昌市九峰镇浪石村',
    contactPhone: '0751-5551234',
    issuedAt: '2025-06-18T16:00:00+08:00',
    promise: PROMISE,
    basis: ['self_tested'],
    issuerId: 'org-jiufeng-coop',
  },
};

/** The cooperative hands its picked plums to the town's packhouse, which takes them over. */
export const handOver: HandOverBatch = {
  type: 'HandOverBatch',
  actor: cooperative,
  now: NOW,
  handoverId: 'ho-0618',
  to: { id: 'org-jiufeng-packhouse', role: 'packhouse' },
  handedOverAt: '2025-06-18T08:00:00+08:00',
};

export const handedOver: BatchHandedOver = {
  type: 'BatchHandedOver',
  data: {
    batchId: 'bat-jf-20250618',
    handoverId: 'ho-0618',
    toOrganizationId: 'org-jiufeng-packhouse',
    handedOverAt: '2025-06-18T08:00:00+08:00',
  },
};

export const acceptHandover: AcceptHandover = {
  type: 'AcceptHandover',
  actor: packhouse,
  now: NOW,
  handoverId: 'ho-0618',
  acceptedAt: '2025-06-18T08:30:00+08:00',
};

export const handoverAccepted: BatchHandoverAccepted = {
  type: 'BatchHandoverAccepted',
  data: {
    batchId: 'bat-jf-20250618',
    handoverId: 'ho-0618',
    organizationId: 'org-jiufeng-packhouse',
    acceptedAt: '2025-06-18T08:30:00+08:00',
  },
};

export const endHandover: EndHandover = {
  type: 'EndHandover',
  actor: cooperative,
  now: NOW,
  handoverId: 'ho-0618',
  endedAt: '2025-06-19T08:00:00+08:00',
};

export const handoverEnded: BatchHandoverEnded = {
  type: 'BatchHandoverEnded',
  data: {
    batchId: 'bat-jf-20250618',
    handoverId: 'ho-0618',
    organizationId: 'org-jiufeng-packhouse',
    endedAt: '2025-06-19T08:00:00+08:00',
    endedBy: 'org-jiufeng-coop',
  },
};

/** The packhouse holds the goods: what its pre-cooling, grading and packing rest on. */
export const inPackhouseHands = [handedOver, handoverAccepted];

/** What a failed pesticide rapid test does to the batch. */
export const held: BatchHeld = {
  type: 'BatchHeld',
  data: {
    batchId: 'bat-jf-20250618',
    family: 'pesticide',
    reason: 'failed_safety_test',
    testId: 'qt-20250618-07',
    heldAt: '2025-06-18T10:15:00+08:00',
  },
};
