import { Doc, DocWrite } from '@suyuan/readmodels/projection';
import { projectionSpec } from '@suyuan/readmodels/testing';
import { cooperativeRegistered, plotRegistered, plumRegistered } from '@suyuan/registry/domain/registry.fixtures';
import { FacilityView, OrganizationView, ProductView } from '@suyuan/registry/registry.views';
import { batchProjection } from './batch.projection';
import { BatchAccessView, BatchView, HandoverView, ItemView } from './batch.views';
import {
  batchRegistered,
  certificateIssued,
  farmInputApplied,
  graded,
  handedOver,
  handoverAccepted,
  handoverEnded,
  harvested,
  held,
  packed,
  preCooled,
  qualityTestRecorded,
} from './domain/batch.fixtures';
import { BatchCertificationRecorded, BatchHoldLifted, ItemCodeVoided } from './domain/events';

const given = projectionSpec(batchProjection);
const write = (collection: string, doc: Doc & { id: string }): DocWrite => ({ collection, id: doc.id, doc });

const BATCH = 'bat-jf-20250618';
const REGISTERED_AT = '2025-06-17T01:00:00.000Z';

const REGISTERED = '2025-03-01T00:00:00.000Z';
const { productId, ...plumData } = plumRegistered.data;
const plum: ProductView = { id: productId, ...plumData, registeredAt: REGISTERED };
const { organizationId, ...coopData } = cooperativeRegistered.data;
const coop: OrganizationView = { id: organizationId, ...coopData, registeredAt: REGISTERED };
const organization = (id: string, name: string, role: OrganizationView['role']): OrganizationView => ({
  id,
  name,
  role,
  registeredAt: REGISTERED,
});
const packhouseOrg = organization('org-jiufeng-packhouse', '九峰镇产地初加工中心', 'packhouse');
const labOrg = organization('org-lechang-qtc', '乐昌市农产品质量检测中心', 'testing_lab');
const facility = (id: string, name: string, type: FacilityView['type'], owner: OrganizationView): FacilityView => ({
  id,
  ownerId: owner.id,
  ownerName: owner.name,
  type,
  name,
  region: plotRegistered.data.region,
  registeredAt: REGISTERED,
});
const plot = facility(plotRegistered.data.facilityId, plotRegistered.data.name, 'farm_plot', coop);
const packhouse = facility('fac-jiufeng-packhouse', '九峰镇包装车间', 'packhouse', packhouseOrg);

/** What the registry had written when the batch was registered. */
const registry = [
  write('products', plum),
  write('organizations', coop),
  write('organizations', packhouseOrg),
  write('organizations', labOrg),
  write('facilities', plot),
  write('facilities', packhouse),
];

/** The product as the batch shows it: as registered, but for its storage class. */
const { storageClass: _storageClass, registeredAt: _registeredAt, ...productShown } = plum;
const registeredView: BatchView = {
  id: BATCH,
  lotCode: 'JF2025-0618',
  status: 'registered',
  registeredAt: REGISTERED_AT,
  product: productShown,
  cooperative: { id: coop.id, name: '乐昌市九峰镇黄金柰李专业合作社', creditCode: '93440281MA4W5N1K3R' },
  farmPlot: { id: plot.id, name: '浪石村 3 号柰李园', region: plot.region },
  farmInputs: [],
  harvests: [],
  preCooling: [],
  tests: [],
  grading: [],
  packings: [],
  itemCount: 0,
};
/** The batch's record as registration wrote it: where every later step starts. */
const registeredBatch = write('batches', registeredView);
const batch = (patch: Partial<BatchView>) => write('batches', { ...registeredView, ...patch });

/** The 承诺达标合格证 as the batch shows it: as issued, but for who issued it. */
const { batchId: _batch, issuerId: _issuer, ...certificate } = certificateIssued.data;
const offer: NonNullable<BatchView['custody']>[number] = {
  id: 'ho-0618',
  toOrganizationId: packhouseOrg.id,
  toOrganizationName: packhouseOrg.name,
  status: 'offered',
  handedOverAt: '2025-06-18T08:00:00+08:00',
};
const handover = (entry: typeof offer): DocWrite =>
  write('handovers', {
    ...entry,
    batchId: BATCH,
    lotCode: 'JF2025-0618',
    product: { id: plum.id, nameZh: '黄金柰李' },
    cooperative: { id: coop.id, name: coop.name },
  } satisfies HandoverView);
const access = (organizationId: string): DocWrite =>
  write('batchAccess', { id: `${organizationId}|${BATCH}`, organizationId, batchId: BATCH } satisfies BatchAccessView);

const HELD_AT = '2025-06-18T02:20:00.000Z';
const holdLifted: BatchHoldLifted = {
  type: 'BatchHoldLifted',
  data: { batchId: BATCH, family: 'pesticide', testId: 'qt-20250619-02', liftedAt: '2025-06-19T10:00:00+08:00' },
};

describe('batch projection', () => {
  describe('registration', () => {
    it('writes the batch with its product, cooperative and plot named as the registry has them', () => {
      given(registry)
        .when({ ...batchRegistered, metadata: { occurredAt: REGISTERED_AT } })
        .then([registeredBatch]);
    });

    it('leaves the names empty where the registry has none', () => {
      given()
        .when({ ...batchRegistered, metadata: { occurredAt: REGISTERED_AT } })
        .then([
          batch({
            product: { id: plum.id, nameZh: '', nameEn: '', category: '', grades: [] },
            cooperative: { id: coop.id, name: '' },
            farmPlot: { id: plot.id, name: '', region: { county: '' } },
          }),
        ]);
    });
  });

  it('writes nothing for a step of a batch it never saw registered', () => {
    given(registry).when(harvested).then([]);
  });

  describe('steps', () => {
    it('records a farm input with the day its safety interval ends', () => {
      given([...registry, registeredBatch])
        .when(farmInputApplied)
        .then([
          batch({
            farmInputs: [
              {
                inputId: 'in-0601-imidacloprid',
                name: '10% 吡虫啉可湿性粉剂',
                activeIngredient: 'imidacloprid',
                kind: 'pesticide',
                dose: { value: 20, unit: 'g/亩' },
                appliedAt: '2025-06-01T07:00:00+08:00',
                safetyIntervalDays: 14,
                safeFrom: '2025-06-14T23:00:00.000Z',
              },
            ],
          }),
        ]);
    });

    it('records a harvest, and a harvest after packing leaves the batch packed', () => {
      const harvest = { harvestId: 'hv-0618', harvestedAt: '2025-06-18T06:30:00+08:00', quantity: { value: 800, unit: 'kg' } };
      given([...registry, registeredBatch])
        .when(harvested)
        .then([batch({ status: 'harvested', harvests: [harvest], quantities: lot(800) })]);
      given([...registry, batch({ status: 'packed' })])
        .when(harvested)
        .then([batch({ status: 'packed', harvests: [harvest], quantities: lot(800) })]);
    });

    it('records pre-cooling and grading with the packhouse named, or its id where the registry has no name', () => {
      const preCooling = {
        facilityId: packhouse.id,
        startedAt: '2025-06-18T09:00:00+08:00',
        endedAt: '2025-06-18T11:30:00+08:00',
        coreTemperatureC: 4.5,
      };
      given([...registry, registeredBatch])
        .when(preCooled)
        .then([batch({ preCooling: [{ ...preCooling, facilityName: '九峰镇包装车间' }] })]);
      given([registeredBatch])
        .when(preCooled)
        .then([batch({ preCooling: [{ ...preCooling, facilityName: packhouse.id }] })]);
      given([...registry, registeredBatch])
        .when(graded)
        .then([
          batch({
            grading: [
              {
                gradingId: 'gr-0618',
                facilityId: packhouse.id,
                facilityName: '九峰镇包装车间',
                gradedAt: '2025-06-18T13:00:00+08:00',
                classes: graded.data.classes,
              },
            ],
          }),
        ]);
    });

    it('records a lab’s test with the lab named, and lets the lab read the batch', () => {
      const { batchId: _batch, facilityId: _facility, ...test } = qualityTestRecorded.data;
      given([...registry, registeredBatch])
        .when(qualityTestRecorded)
        .then([batch({ tests: [{ ...test, labName: labOrg.name }] }), access(labOrg.id)]);
    });

    it('records the cooperative’s self-test without granting anyone access', () => {
      const selfTest = {
        ...qualityTestRecorded,
        data: { ...qualityTestRecorded.data, labId: coop.id, facilityId: undefined, selfTest: true },
      };
      const { batchId: _batch, facilityId: _facility, ...test } = selfTest.data;
      given([...registry, registeredBatch])
        .when(selfTest)
        .then([batch({ tests: [{ ...test, labName: coop.name }] })]);
    });

    it('records the packing and writes every item packed', () => {
      const item = (code: string, cartonId: string, grade: string, kg: number): DocWrite => ({
        collection: 'items',
        id: code,
        doc: {
          code,
          batchId: BATCH,
          cartonId,
          grade,
          netWeight: { value: kg, unit: 'kg' },
          packingId: 'pk-0618-1',
          packedAt: '2025-06-18T15:00:00+08:00',
          facilityId: packhouse.id,
        } satisfies ItemView,
      });
      given([...registry, batch({ status: 'harvested', itemCount: 4 })])
        .when(packed)
        .then([
          batch({
            status: 'packed',
            packings: [
              {
                packingId: 'pk-0618-1',
                facilityId: packhouse.id,
                facilityName: '九峰镇包装车间',
                packedAt: '2025-06-18T15:00:00+08:00',
                itemCount: 3,
                cartonIds: ['CTN-0618-001', 'CTN-0618-002'],
              },
            ],
            itemCount: 7,
          }),
          item('7K2M9Q4R8T1VX3PA', 'CTN-0618-001', '特级', 2.5),
          item('9D4HW2JN6C8QZ1TB', 'CTN-0618-001', '特级', 2.5),
          item('3F8KP5XR2M7WG4NC', 'CTN-0618-002', '一级', 5),
        ]);
    });

    it('marks a voided code’s item and writes its replacement: the same item under the new code', () => {
      const item: ItemView = {
        code: '7K2M9Q4R8T1VX3PA',
        batchId: BATCH,
        cartonId: 'CTN-0618-001',
        grade: '特级',
        netWeight: { value: 2.5, unit: 'kg' },
        packingId: 'pk-0618-1',
        packedAt: '2025-06-18T15:00:00+08:00',
        facilityId: packhouse.id,
      };
      const voided: ItemCodeVoided = {
        type: 'ItemCodeVoided',
        data: {
          batchId: BATCH,
          code: item.code,
          reason: 'damaged',
          note: '标签被撕破',
          voidedAt: '2025-06-19T02:00:00.000Z',
          replacementCode: 'W4Z8N2QH6JRT0V5K',
        },
      };
      const voiding = { at: '2025-06-19T02:00:00.000Z', reason: 'damaged' as const, note: '标签被撕破', replacedBy: 'W4Z8N2QH6JRT0V5K' };
      given([...registry, batch({ status: 'packed', itemCount: 3 }), { collection: 'items', id: item.code, doc: item }])
        .when(voided)
        .then([
          batch({ status: 'packed', itemCount: 3, voided: [{ code: item.code, ...voiding }] }),
          { collection: 'items', id: item.code, doc: { ...item, voided: voiding } },
          { collection: 'items', id: 'W4Z8N2QH6JRT0V5K', doc: { ...item, code: 'W4Z8N2QH6JRT0V5K', replaces: item.code } },
        ]);
      const { replacementCode: _replacement, ...lost } = voided.data;
      const { replacedBy: _replacedBy, ...withoutReplacement } = voiding;
      given([...registry, batch({ status: 'packed', itemCount: 3 }), { collection: 'items', id: item.code, doc: item }])
        .when({ ...voided, data: lost })
        .then([
          batch({ status: 'packed', itemCount: 3, voided: [{ code: item.code, ...withoutReplacement }] }),
          { collection: 'items', id: item.code, doc: { ...item, voided: withoutReplacement } },
        ]);
    });

    it('shows the 承诺达标合格证 without its issuer, and the certifications the batch holds', () => {
      const organic: BatchCertificationRecorded = {
        type: 'BatchCertificationRecorded',
        data: {
          batchId: BATCH,
          kind: 'organic',
          certificateNo: 'OFDC-2025-0187',
          issuedBy: '南京国环有机产品认证中心',
          validUntil: '2026-06-30T00:00:00.000Z',
        },
      };
      given([...registry, registeredBatch])
        .when(certificateIssued)
        .then([batch({ certificate })]);
      given([...registry, registeredBatch, organic])
        .when({ ...organic, data: { ...organic.data, kind: 'green_food', certificateNo: 'LB-18-25060123456A' } })
        .then([
          batch({
            certifications: [
              {
                kind: 'organic',
                certificateNo: 'OFDC-2025-0187',
                issuedBy: '南京国环有机产品认证中心',
                validUntil: '2026-06-30T00:00:00.000Z',
              },
              {
                kind: 'green_food',
                certificateNo: 'LB-18-25060123456A',
                issuedBy: '南京国环有机产品认证中心',
                validUntil: '2026-06-30T00:00:00.000Z',
              },
            ],
          }),
        ]);
    });
  });

  describe('custody', () => {
    it('offers the goods: the hand-over on the batch and in the receiver’s list, and the receiver may read the batch', () => {
      given([...registry, registeredBatch])
        .when(handedOver)
        .then([batch({ custody: [offer] }), handover(offer), access(packhouseOrg.id)]);
    });

    it('names the receiver by its id where the registry has no name', () => {
      const unnamed = { ...offer, toOrganizationName: packhouseOrg.id };
      given([registeredBatch])
        .when(handedOver)
        .then([batch({ custody: [unnamed] }), handover(unnamed), access(packhouseOrg.id)]);
    });

    it('marks the hand-over accepted, then ended, on the batch and in its own document', () => {
      const accepted = { ...offer, status: 'accepted' as const, acceptedAt: '2025-06-18T08:30:00+08:00' };
      const ended = { ...accepted, status: 'ended' as const, endedAt: '2025-06-19T08:00:00+08:00', endedBy: coop.id };
      given([...registry, registeredBatch, handedOver])
        .when(handoverAccepted)
        .then([batch({ custody: [accepted] }), handover(accepted)]);
      given([...registry, registeredBatch, handedOver, handoverAccepted])
        .when(handoverEnded)
        .then([batch({ custody: [ended] }), handover(ended)]);
    });

    it('keeps the note the cooperative gave with the goods', () => {
      given([...registry, registeredBatch])
        .when({ ...handedOver, data: { ...handedOver.data, note: '请于当日预冷' } })
        .then([
          batch({ custody: [{ ...offer, note: '请于当日预冷' }] }),
          handover({ ...offer, note: '请于当日预冷' }),
          access(packhouseOrg.id),
        ]);
    });
  });

  describe('holds', () => {
    const hold = { family: 'pesticide' as const, testId: 'qt-20250618-07', heldAt: '2025-06-18T10:15:00+08:00' };

    it('holds the batch and withdraws its 承诺达标合格证 from the moment of the hold', () => {
      given([...registry, registeredBatch, certificateIssued])
        .when({ ...held, metadata: { occurredAt: HELD_AT } })
        .then([batch({ certificate: { ...certificate, withdrawnAt: HELD_AT }, holds: [hold], held: true })]);
    });

    it('holds a batch that has no certificate without giving it one', () => {
      given([...registry, registeredBatch])
        .when(held)
        .then([batch({ holds: [hold], held: true })]);
    });

    it('lifts the hold: the batch is free and its certificate stands again', () => {
      given([...registry, registeredBatch, certificateIssued, { ...held, metadata: { occurredAt: HELD_AT } }])
        .when(holdLifted)
        .then([
          batch({
            certificate,
            holds: [{ ...hold, liftedAt: '2025-06-19T10:00:00+08:00', liftedByTestId: 'qt-20250619-02' }],
            held: false,
          }),
        ]);
    });

    it('keeps the certificate withdrawn while another family still holds the batch', () => {
      const drugHold = { ...held, data: { ...held.data, family: 'veterinary_drug' as const, testId: 'qt-20250618-08' } };
      given([
        ...registry,
        registeredBatch,
        certificateIssued,
        { ...held, metadata: { occurredAt: HELD_AT } },
        { ...drugHold, metadata: { occurredAt: '2025-06-18T03:00:00.000Z' } },
      ])
        .when(holdLifted)
        .then([
          batch({
            certificate: { ...certificate, withdrawnAt: HELD_AT },
            holds: [
              { ...hold, liftedAt: '2025-06-19T10:00:00+08:00', liftedByTestId: 'qt-20250619-02' },
              { family: 'veterinary_drug', testId: 'qt-20250618-08', heldAt: '2025-06-18T10:15:00+08:00' },
            ],
            held: true,
          }),
        ]);
    });
  });
});

/** A lot by weight with `supplied` kg and nothing taken from it yet. */
function lot(supplied: number) {
  return { unit: 'kg', supplied, packed: 0, reserved: 0, consumed: 0, remaining: supplied, sold: 0 };
}
