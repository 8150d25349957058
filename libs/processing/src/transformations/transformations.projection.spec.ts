import { projectionSpec } from '@suyuan/readmodels/testing';
import { TransformationRecorded } from '../domain/events';
import { transformationsProjection } from './transformations.projection';

const given = projectionSpec(transformationsProjection);

const factory = { collection: 'organizations', id: 'org-tea', doc: { id: 'org-tea', name: '乐昌市白毛茶业有限公司' } };
const plant = {
  collection: 'facilities',
  id: 'fac-plant',
  doc: { id: 'fac-plant', name: '沙坪镇白毛茶初制加工厂', region: { province: '广东省', county: '乐昌市', town: '沙坪镇' } },
};

const recorded: TransformationRecorded = {
  type: 'TransformationRecorded',
  data: {
    transformationId: 'TF-1',
    processorId: 'org-tea',
    plantId: 'fac-plant',
    process: 'tea_processing',
    startedAt: '2026-04-10T00:00:00.000Z',
    endedAt: '2026-04-10T08:00:00.000Z',
    steps: [{ name: '杀青', parameters: { temperatureC: 260 } }],
    inputs: [
      { batchId: 'B-1', lotCode: 'L1', productId: 'P-LEAVES', ownerId: 'org-coop', quantity: { value: 100, unit: 'kg' }, weightKg: 100 },
    ],
    outputs: [{ batchId: 'B-9', lotCode: 'L9', productId: 'P-TEA', quantity: { value: 20, unit: 'kg' }, weightKg: 20, newLot: true }],
    yieldPct: 20,
  },
};

const reserved = {
  type: 'BatchInputReserved' as const,
  data: {
    batchId: 'B-1',
    transformationId: 'TF-1',
    processorId: 'org-tea',
    quantity: { value: 100, unit: 'kg' },
    weightKg: 100,
    reservedAt: '2026-04-10T08:00:01.000Z',
  },
};

describe('transformations projection', () => {
  it('keeps a transformation with its processor and plant named, and who recorded it', () => {
    const { transformationId: _id, ...data } = recorded.data;
    given([factory, plant])
      .when({ ...recorded, metadata: { keyId: 'key-tea', recordedAt: '2026-04-10T08:00:02.000Z' } })
      .then([
        {
          collection: 'transformations',
          id: 'TF-1',
          doc: {
            id: 'TF-1',
            ...data,
            processorName: '乐昌市白毛茶业有限公司',
            plant: { id: 'fac-plant', name: '沙坪镇白毛茶初制加工厂', region: { province: '广东省', county: '乐昌市', town: '沙坪镇' } },
            recordedAt: '2026-04-10T08:00:02.000Z',
            keyId: 'key-tea',
          },
        },
      ]);
  });

  it('names them by id where the registry has no document', () => {
    given()
      .when(recorded)
      .then([
        {
          collection: 'transformations',
          id: 'TF-1',
          doc: expect.objectContaining({ processorName: 'org-tea', plant: { id: 'fac-plant', name: 'fac-plant', region: { county: '' } } }),
        },
      ]);
  });

  it('lists a reservation as open until it is consumed or released, for the recovery to find', () => {
    const open = {
      id: 'B-1|TF-1',
      batchId: 'B-1',
      transformationId: 'TF-1',
      processorId: 'org-tea',
      reservedAt: '2026-04-10T08:00:01.000Z',
    };
    given()
      .when(reserved)
      .then([{ collection: 'openReservations', id: 'B-1|TF-1', doc: open }]);
    const closes = { batchId: 'B-1', transformationId: 'TF-1' };
    given([reserved])
      .when({ type: 'BatchInputConsumed', data: { ...closes, consumedAt: '2026-04-10T08:00:03.000Z' } })
      .then([{ collection: 'openReservations', id: 'B-1|TF-1', doc: null }]);
    given([reserved])
      .when({
        type: 'BatchReservationReleased',
        data: { ...closes, reason: 'refused: insufficient_quantity', releasedAt: '2026-04-10T08:00:03.000Z' },
      })
      .then([{ collection: 'openReservations', id: 'B-1|TF-1', doc: null }]);
  });
});
