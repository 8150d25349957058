import { ShipmentDispatched } from '@suyuan/logistics/domain/events';
import { dispatched } from '@suyuan/logistics/domain/logistics.fixtures';
import {
  batchRegistered,
  farmInputApplied,
  harvested,
  harvestedAgain,
  packed,
  qualityTestRecorded,
} from '@suyuan/production/domain/batch.fixtures';
import { BatchEvent, ItemCodeVoided } from '@suyuan/production/domain/events';
import { DocWrite } from '@suyuan/readmodels/projection';
import { SpecEvent, projectionSpec } from '@suyuan/readmodels/testing';
import { OrganizationView } from '@suyuan/registry/registry.views';
import { LotStep, TraceKeyView, TraceStepsView } from './lineage.views';
import { traceIndexProjection } from './trace-index.projection';

const given = projectionSpec(traceIndexProjection);

const BATCH = 'bat-jf-20250618';
const PLOT = 'fac-langshi-plot-3';
const coop: OrganizationView = {
  id: 'org-jiufeng-coop',
  name: '乐昌市九峰镇黄金柰李专业合作社',
  role: 'cooperative',
  registeredAt: '2025-03-01T00:00:00.000Z',
};
const lab: OrganizationView = {
  id: 'org-lechang-qtc',
  name: '乐昌市农产品质量安全检测站',
  role: 'testing_lab',
  registeredAt: '2025-03-01T00:00:00.000Z',
};
const registry: DocWrite[] = [coop, lab].map((o) => ({ collection: 'organizations', id: o.id, doc: o }));

const BY_COOP = { organizationId: coop.id, keyId: 'key-jiufeng-1', recordedAt: '2025-06-18T08:00:00.000Z' };
const BY_LAB = { organizationId: lab.id, keyId: 'key-qtc-1', recordedAt: '2025-06-18T11:00:00.000Z', facilityId: 'fac-lechang-qtc-lab' };
const by = <E extends BatchEvent>(event: E, metadata: SpecEvent<E>['metadata'] & { occurredAt: string }): SpecEvent<E> => ({
  ...event,
  metadata,
});

const registered = by(batchRegistered, { ...BY_COOP, occurredAt: '2025-05-01T08:00:00.000Z' });
const sprayed = by(farmInputApplied, { ...BY_COOP, occurredAt: '2025-06-01T07:00:00+08:00' });
const picked = by(harvested, { ...BY_COOP, occurredAt: '2025-06-18T06:30:00+08:00' });
const tested = by(qualityTestRecorded, { ...BY_LAB, occurredAt: '2025-06-18T10:15:00+08:00' });

const step = (event: string, at: string, who: typeof BY_COOP & { facilityId?: string }, name: string, ref?: string): LotStep => ({
  event,
  at,
  ...who,
  organizationName: name,
  ...(ref !== undefined && { ref }),
});
const registeredStep = step('BatchRegistered', '2025-05-01T08:00:00.000Z', BY_COOP, coop.name);
const steps = (...list: LotStep[]): DocWrite => ({
  collection: 'traceSteps',
  id: BATCH,
  doc: { id: BATCH, steps: list } satisfies TraceStepsView,
});
const key = (traceKey: string, at: string[]): DocWrite => {
  const doc: TraceKeyView = { id: `${traceKey}|${BATCH}`, traceKey, batchId: BATCH, at };
  return { collection: 'traceKeys', id: doc.id, doc };
};

describe('trace index projection', () => {
  it('lists a lot under its farm plot from its registration, with the step and who recorded it', () =>
    given(registry)
      .when(registered)
      .then([steps(registeredStep), key(`plot:${PLOT}`, [])]));

  it('keeps no plot key for a lot a transformation made', () =>
    given(registry)
      .when({
        type: 'BatchRegistered',
        data: {
          batchId: BATCH,
          lotCode: 'TEA-0412',
          productId: 'prd-baimao-tea',
          cooperativeId: 'org-tea-factory',
          origin: { kind: 'transformation', transformationId: 'tf-1', plantId: 'fac-tea-plant' },
        },
        metadata: { ...BY_COOP, organizationId: 'org-tea-factory', occurredAt: '2026-04-12T10:00:00.000Z' },
      })
      .then([
        steps(step('BatchRegistered', '2026-04-12T10:00:00.000Z', { ...BY_COOP, organizationId: 'org-tea-factory' }, 'org-tea-factory')),
      ]));

  it('adds each harvest time to the plot key', () =>
    given([...registry, registered, picked])
      .when(by(harvestedAgain, { ...BY_COOP, occurredAt: '2025-06-20T06:00:00+08:00' }))
      .then([
        steps(
          registeredStep,
          step('BatchHarvested', '2025-06-18T06:30:00+08:00', BY_COOP, coop.name, 'hv-0618'),
          step('BatchHarvested', '2025-06-20T06:00:00+08:00', BY_COOP, coop.name, 'hv-0620'),
        ),
        key(`plot:${PLOT}`, ['2025-06-18T06:30:00+08:00', '2025-06-20T06:00:00+08:00']),
      ]));

  it('finds a sprayed lot by the input’s name and by its active ingredient, in lower case', () =>
    given([...registry, registered])
      .when({ ...sprayed, data: { ...sprayed.data, activeIngredient: 'Imidacloprid' } })
      .then([
        steps(registeredStep, step('FarmInputApplied', '2025-06-01T07:00:00+08:00', BY_COOP, coop.name, 'in-0601-imidacloprid')),
        key('input:10% 吡虫啉可湿性粉剂', ['2025-06-01T07:00:00+08:00']),
        key('input:imidacloprid', ['2025-06-01T07:00:00+08:00']),
      ]));

  it('finds a lot by its test, and shows the lab’s key and room', () =>
    given([...registry, registered])
      .when(tested)
      .then([
        steps(registeredStep, step('QualityTestRecorded', '2025-06-18T10:15:00+08:00', BY_LAB, lab.name, 'qt-20250618-07')),
        key('test:qt-20250618-07', ['2025-06-18T10:15:00+08:00']),
      ]));

  it('keeps the codes of each carton on packing', () =>
    given(registry)
      .when(by(packed, { ...BY_COOP, occurredAt: '2025-06-18T15:00:00+08:00' }))
      .then([
        steps(step('BatchPacked', '2025-06-18T15:00:00+08:00', BY_COOP, coop.name, 'pk-0618-1')),
        {
          collection: 'traceCartons',
          id: 'CTN-0618-001',
          doc: { id: 'CTN-0618-001', batchId: BATCH, codes: ['7K2M9Q4R8T1VX3PA', '9D4HW2JN6C8QZ1TB'] },
        },
        { collection: 'traceCartons', id: 'CTN-0618-002', doc: { id: 'CTN-0618-002', batchId: BATCH, codes: ['3F8KP5XR2M7WG4NC'] } },
      ]));

  const packedEvent = by(packed, { ...BY_COOP, occurredAt: '2025-06-18T15:00:00+08:00' });
  const nextLeg: ShipmentDispatched = { ...dispatched, data: { ...dispatched.data, shipmentId: 'sh-0620-01' } };

  it('adds a shipment to the lot of the cartons it carries, once', () =>
    given([...registry, packedEvent, dispatched])
      .when(nextLeg)
      .then([{ collection: 'traceShipments', id: BATCH, doc: { id: BATCH, shipmentIds: ['sh-0619-01', 'sh-0620-01'] } }]));

  const voided = (data: Partial<ItemCodeVoided['data']>) =>
    by<ItemCodeVoided>(
      {
        type: 'ItemCodeVoided',
        data: { batchId: BATCH, code: '9D4HW2JN6C8QZ1TB', reason: 'damaged', voidedAt: '2025-06-19T09:00:00+08:00', ...data },
      },
      { ...BY_COOP, occurredAt: '2025-06-19T09:00:00+08:00' },
    );
  const voidedStep = step('ItemCodeVoided', '2025-06-19T09:00:00+08:00', BY_COOP, coop.name, '9D4HW2JN6C8QZ1TB');
  const packedStep = step('BatchPacked', '2025-06-18T15:00:00+08:00', BY_COOP, coop.name, 'pk-0618-1');

  it('lists a replaced code’s replacement in its carton, where the voided code was: the code a recall finds on the goods', () =>
    given([...registry, packedEvent])
      .when(voided({ replacementCode: 'W6CJ8N2QH4TX9RKA', cartonId: 'CTN-0618-001' }))
      .then([
        {
          collection: 'traceCartons',
          id: 'CTN-0618-001',
          doc: { id: 'CTN-0618-001', batchId: BATCH, codes: ['7K2M9Q4R8T1VX3PA', 'W6CJ8N2QH4TX9RKA'] },
        },
        steps(packedStep, voidedStep),
      ]));

  it('leaves the carton alone for a code voided without a replacement', () =>
    given([...registry, packedEvent])
      .when(voided({ cartonId: 'CTN-0618-001' }))
      .then([steps(packedStep, voidedStep)]));

  it('writes nothing for a shipment it has already listed, or of cartons it never saw packed', () => {
    given([...registry, packedEvent, dispatched])
      .when(dispatched)
      .then([]);
    given(registry).when(dispatched).then([]);
  });
});
