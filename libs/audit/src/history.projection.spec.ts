import { projectionSpec } from '@suyuan/readmodels/testing';
import { DomainEvent } from '@suyuan/core';
import { historyProjection } from './history.projection';
import { AUDIT_PAGE_SIZE, AuditSubjectView } from './history.views';

const given = projectionSpec(historyProjection);
const by = {
  organizationId: 'ORG-PACK',
  keyId: 'key-pack',
  occurredAt: '2026-07-15T03:00:00.000Z',
  recordedAt: '2026-07-15T03:01:00.000Z',
};

const packed: DomainEvent = {
  type: 'BatchPacked',
  data: {
    batchId: 'B1',
    packingId: 'P1',
    facilityId: 'F-PACK',
    packedAt: '2026-07-15T03:00:00.000Z',
    items: [
      { code: 'I1', cartonId: 'C1', grade: '特级', netWeight: { value: 2.5, unit: 'kg' } },
      { code: 'I2', cartonId: 'C1', grade: '特级', netWeight: { value: 2.5, unit: 'kg' } },
    ],
    cartons: [{ cartonId: 'C1', itemCount: 2 }],
  },
};
const dispatched: DomainEvent = {
  type: 'ShipmentDispatched',
  data: { shipmentId: 'S1', fromFacilityId: 'F-PACK', toFacilityId: 'F-HUB', cartonIds: ['C1'], dispatchedAt: '2026-07-15T04:00:00.000Z' },
};
const entry = (position: number, type: string, streamId: string) => ({
  position,
  eventId: `evt-${position}`,
  streamId,
  revision: position - 1,
  type,
  occurredAt: by.occurredAt,
  recordedAt: by.recordedAt,
  organizationId: 'ORG-PACK',
  keyId: 'key-pack',
});
const head = (key: string, count: number, handlers: string[], batchIds?: string[]) => ({
  collection: 'auditSubjects',
  id: key,
  doc: { key, count, handlers, ...(batchIds && { batchIds }) },
});
const page = (key: string, n: number, entries: unknown[]) => ({
  collection: 'auditPages',
  id: `${key}#${n}`,
  doc: { key, page: n, entries },
});

describe('audit history projection', () => {
  it('lists a packing under its batch, cartons, facility and recorder, not under each item', () => {
    given([])
      .when({ ...packed, streamId: 'batch-B1', metadata: by })
      .then([
        head('batch:B1', 1, ['ORG-PACK']),
        page('batch:B1', 0, [entry(1, 'BatchPacked', 'batch-B1')]),
        head('carton:C1', 1, ['ORG-PACK'], ['B1']),
        page('carton:C1', 0, [entry(1, 'BatchPacked', 'batch-B1')]),
        head('facility:F-PACK', 1, ['ORG-PACK']),
        page('facility:F-PACK', 0, [entry(1, 'BatchPacked', 'batch-B1')]),
        head('organization:ORG-PACK', 1, ['ORG-PACK']),
        page('organization:ORG-PACK', 0, [entry(1, 'BatchPacked', 'batch-B1')]),
      ]);
  });

  it('lists a shipment of a carton under the carton’s batch too, without making its recorder a handler of the batch', () => {
    given([{ ...packed, streamId: 'batch-B1', metadata: by }])
      .when({ ...dispatched, streamId: 'shipment-S1', metadata: { ...by, organizationId: 'ORG-CARRIER', keyId: 'key-carrier' } })
      .then([
        head('shipment:S1', 1, ['ORG-CARRIER']),
        page('shipment:S1', 0, [{ ...entry(2, 'ShipmentDispatched', 'shipment-S1'), organizationId: 'ORG-CARRIER', keyId: 'key-carrier' }]),
        head('carton:C1', 2, ['ORG-PACK', 'ORG-CARRIER'], ['B1']),
        page('carton:C1', 0, [
          entry(1, 'BatchPacked', 'batch-B1'),
          { ...entry(2, 'ShipmentDispatched', 'shipment-S1'), organizationId: 'ORG-CARRIER', keyId: 'key-carrier' },
        ]),
        head('facility:F-PACK', 2, ['ORG-PACK', 'ORG-CARRIER']),
        page('facility:F-PACK', 0, [
          entry(1, 'BatchPacked', 'batch-B1'),
          { ...entry(2, 'ShipmentDispatched', 'shipment-S1'), organizationId: 'ORG-CARRIER', keyId: 'key-carrier' },
        ]),
        head('facility:F-HUB', 1, ['ORG-CARRIER']),
        page('facility:F-HUB', 0, [
          { ...entry(2, 'ShipmentDispatched', 'shipment-S1'), organizationId: 'ORG-CARRIER', keyId: 'key-carrier' },
        ]),
        head('organization:ORG-CARRIER', 1, ['ORG-CARRIER']),
        page('organization:ORG-CARRIER', 0, [
          { ...entry(2, 'ShipmentDispatched', 'shipment-S1'), organizationId: 'ORG-CARRIER', keyId: 'key-carrier' },
        ]),
        head('batch:B1', 2, ['ORG-PACK']),
        page('batch:B1', 0, [
          entry(1, 'BatchPacked', 'batch-B1'),
          { ...entry(2, 'ShipmentDispatched', 'shipment-S1'), organizationId: 'ORG-CARRIER', keyId: 'key-carrier' },
        ]),
      ]);
  });

  it('lists a recall under every lot it names and their owners, and a disposal under the lot and facility', () => {
    const regulator = { ...by, organizationId: 'ORG-REG', keyId: 'key-reg' };
    const opened = { ...entry(1, 'RecallOpened', 'recall-R1'), organizationId: 'ORG-REG', keyId: 'key-reg', revision: 0 };
    given([])
      .when({
        type: 'RecallOpened',
        data: { recallId: 'R1', class: 'II', reason: '吡虫啉残留超标', scope: { lots: ['B1'] }, lots: ['B1', 'B2'], owners: ['ORG-COOP'] },
        streamId: 'recall-R1',
        metadata: regulator,
      })
      .then([
        head('batch:B1', 1, ['ORG-REG']),
        page('batch:B1', 0, [opened]),
        head('batch:B2', 1, ['ORG-REG']),
        page('batch:B2', 0, [opened]),
        head('organization:ORG-COOP', 1, ['ORG-REG']),
        page('organization:ORG-COOP', 0, [opened]),
        head('organization:ORG-REG', 1, ['ORG-REG']),
        page('organization:ORG-REG', 0, [opened]),
      ]);
    const disposed = { ...entry(1, 'RecallUnitsDisposed', 'recall-R1'), revision: 0 };
    given([])
      .when({
        type: 'RecallUnitsDisposed',
        data: {
          recallId: 'R1',
          disposition: 'destroyed',
          facilityId: 'F-SHOP',
          cartons: [{ id: 'C1', lotId: 'B1', items: 20 }],
          items: 20,
        },
        streamId: 'recall-R1',
        metadata: by,
      })
      .then([
        head('batch:B1', 1, ['ORG-PACK']),
        page('batch:B1', 0, [disposed]),
        head('facility:F-SHOP', 1, ['ORG-PACK']),
        page('facility:F-SHOP', 0, [disposed]),
        head('organization:ORG-PACK', 1, ['ORG-PACK']),
        page('organization:ORG-PACK', 0, [disposed]),
      ]);
  });

  it('lists a regulator’s hold of a carton under the carton, its lot and the regulator', () => {
    const held = { ...entry(1, 'UnitHeld', 'carton-C1'), organizationId: 'ORG-REG', keyId: 'key-reg' };
    given([])
      .when({
        type: 'UnitHeld',
        data: {
          holdId: 'H1',
          batchId: 'B1',
          unit: { kind: 'carton', cartonId: 'C1' },
          reason: '待复检',
          regulatorId: 'ORG-REG',
          heldAt: by.occurredAt,
        },
        streamId: 'carton-C1',
        metadata: { ...by, organizationId: 'ORG-REG', keyId: 'key-reg' },
      })
      .then([
        head('batch:B1', 1, ['ORG-REG']),
        page('batch:B1', 0, [held]),
        head('carton:C1', 1, ['ORG-REG'], ['B1']),
        page('carton:C1', 0, [held]),
        head('organization:ORG-REG', 1, ['ORG-REG']),
        page('organization:ORG-REG', 0, [held]),
      ]);
  });

  it('starts a new page when the last one is full, leaving the full one as it was', () => {
    const full: AuditSubjectView = { key: 'item:I1', count: AUDIT_PAGE_SIZE, handlers: ['ORG-PACK'] };
    given([{ collection: 'auditSubjects', id: 'item:I1', doc: full }])
      .when({
        type: 'ItemCodeVoided',
        data: { code: 'I1', reason: 'damaged', voidedAt: by.occurredAt },
        streamId: 'batch-B1',
        position: 70,
        metadata: by,
      })
      .then([
        head('item:I1', AUDIT_PAGE_SIZE + 1, ['ORG-PACK']),
        page('item:I1', 1, [entry(70, 'ItemCodeVoided', 'batch-B1')]),
        head('organization:ORG-PACK', 1, ['ORG-PACK']),
        page('organization:ORG-PACK', 0, [entry(70, 'ItemCodeVoided', 'batch-B1')]),
      ]);
  });
});
