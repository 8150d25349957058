import { Doc, DocWrite } from '@suyuan/readmodels/projection';
import { projectionSpec } from '@suyuan/readmodels/testing';
import { FacilityView, OrganizationView, ProductView } from '@suyuan/registry/registry.views';
import { batchProjection } from './batch.projection';
import { BatchAccessView, BatchView, ConsumptionView, ItemView, LotQuantities } from './batch.views';
import { packed } from './domain/batch.fixtures';
import { BatchEvent, BatchInputReserved } from './domain/events';
import {
  flockHarvested,
  outputLotRegistered,
  produced,
  producedAgain,
  purchaseLotRegistered,
  purchaseRecorded,
  purchasedFromHousehold,
} from './domain/supply.fixtures';

/*
 * The batch view of lots that processors make, buy and take from: their origin, what was
 * supplied into them, and what transformations, packing and sales took out.
 */

const given = projectionSpec(batchProjection);
const write = (collection: string, doc: Doc & { id: string }): DocWrite => ({ collection, id: doc.id, doc });

const REGISTERED = '2025-03-01T00:00:00.000Z';
const LOT_REGISTERED_AT = '2025-06-22T10:00:00.000Z';
const jiufeng = { province: '广东省', city: '韶关市', county: '乐昌市', town: '九峰镇' };

const factory: OrganizationView = {
  id: 'org-jiufeng-fruit-factory',
  name: '乐昌市九峰李果品加工厂',
  role: 'processor',
  registeredAt: REGISTERED,
};
const plantView: FacilityView = {
  id: 'fac-jiufeng-drying-plant',
  ownerId: factory.id,
  ownerName: factory.name,
  type: 'processing_plant',
  name: '九峰李干加工车间',
  region: jiufeng,
  registeredAt: REGISTERED,
};
const driedPlum: ProductView = {
  id: 'prd-jiufeng-dried-plum',
  nameZh: '九峰李干',
  nameEn: 'Jiufeng dried plum',
  category: 'dried fruit',
  storageClass: 'ambient',
  grades: ['一级', '二级'],
  madeFrom: ['prd-huangjin-nai-plum'],
  registeredAt: REGISTERED,
};
const registry = [write('organizations', factory), write('facilities', plantView), write('products', driedPlum)];

/** The output lot as its registration writes it: the plant stands where a grown batch has its plot. */
const outputLot: BatchView = {
  id: 'bat-jfd-20250622',
  lotCode: 'JFD2025-0622',
  status: 'registered',
  registeredAt: LOT_REGISTERED_AT,
  product: {
    id: 'prd-jiufeng-dried-plum',
    nameZh: '九峰李干',
    nameEn: 'Jiufeng dried plum',
    category: 'dried fruit',
    grades: ['一级', '二级'],
  },
  cooperative: { id: factory.id, name: factory.name },
  farmPlot: { id: plantView.id, name: '九峰李干加工车间', region: jiufeng },
  origin: { kind: 'transformation', transformationId: 'tf-0620-drying', plantId: plantView.id },
  farmInputs: [],
  harvests: [],
  preCooling: [],
  tests: [],
  grading: [],
  packings: [],
  itemCount: 0,
};
const output = (patch: Partial<BatchView>) => write('batches', { ...outputLot, ...patch });

/** A flock of 200 birds, 360 kg alive, already harvested: the lot transformations and buyers take from. */
const flockLot: BatchView = {
  ...outputLot,
  id: 'bat-mx-20250615',
  lotCode: 'MX2025-0615',
  status: 'harvested',
  product: { id: 'prd-xuemao-chicken', nameZh: '乐昌雪毛鸡', nameEn: 'Lechang Xuemao chicken', category: 'poultry', grades: [] },
  cooperative: { id: 'org-huangpu-poultry-coop', name: '乐昌市黄圃雪毛鸡养殖专业合作社' },
  farmPlot: { id: 'fac-maxi-poultry-farm', name: '黄圃镇马溪村雪毛鸡林下养殖场', region: { ...jiufeng, town: '黄圃镇' } },
  origin: undefined,
  harvests: [{ harvestId: 'hv-0615', harvestedAt: '2025-06-15T05:00:00+08:00', quantity: { value: 200, unit: 'head' } }],
};
const flock = (patch: Partial<BatchView>) => write('batches', { ...flockLot, ...patch });

const heads = (q: Partial<LotQuantities>): LotQuantities => ({
  unit: 'head',
  supplied: 200,
  liveWeightKg: 360,
  packed: 0,
  reserved: 0,
  consumed: 0,
  remaining: 200,
  sold: 0,
  ...q,
});
const kg = (q: Partial<LotQuantities>): LotQuantities => ({
  unit: 'kg',
  supplied: 0,
  packed: 0,
  reserved: 0,
  consumed: 0,
  remaining: 0,
  sold: 0,
  ...q,
});

const slaughter: BatchInputReserved = {
  type: 'BatchInputReserved',
  data: {
    batchId: 'bat-mx-20250615',
    transformationId: 'tf-0616-slaughter',
    processorId: 'org-lechang-slaughterhouse',
    quantity: { value: 50, unit: 'head' },
    weightKg: 90,
    reservedAt: '2025-06-16T07:00:00+08:00',
  },
};
const { batchId: _batchId, ...slaughterData } = slaughter.data;
const reservedBirds: ConsumptionView = { ...slaughterData, status: 'reserved' };
const consumed: BatchEvent = {
  type: 'BatchInputConsumed',
  data: { batchId: 'bat-mx-20250615', transformationId: 'tf-0616-slaughter', consumedAt: '2025-06-16T12:00:00+08:00' },
};
const released: BatchEvent = {
  type: 'BatchReservationReleased',
  data: {
    batchId: 'bat-mx-20250615',
    transformationId: 'tf-0616-slaughter',
    reason: 'another input was refused',
    releasedAt: '2025-06-16T07:05:00+08:00',
  },
};
const access = (organizationId: string, batchId: string): DocWrite =>
  write('batchAccess', { id: `${organizationId}|${batchId}`, organizationId, batchId } satisfies BatchAccessView);

describe('batch projection: lots of processors', () => {
  describe('registration', () => {
    it('writes an output lot with its origin, its owner, and the plant where a grown batch has its plot', () => {
      given(registry)
        .when({ ...outputLotRegistered, metadata: { occurredAt: LOT_REGISTERED_AT } })
        .then([output({})]);
    });

    it('writes a purchase lot at the purchaser’s plant', () => {
      given(registry)
        .when({ ...purchaseLotRegistered, metadata: { occurredAt: LOT_REGISTERED_AT } })
        .then([
          write('batches', {
            ...outputLot,
            id: 'bat-jfp-20250619',
            lotCode: 'JFP2025-0619',
            product: { id: 'prd-huangjin-nai-plum', nameZh: '', nameEn: '', category: '', grades: [] },
            origin: { kind: 'purchase', plantId: plantView.id },
          }),
        ]);
    });

    it('leaves the plant’s name and region empty where the registry has none', () => {
      given()
        .when({ ...outputLotRegistered, metadata: { occurredAt: LOT_REGISTERED_AT } })
        .then([
          output({
            product: { id: driedPlum.id, nameZh: '', nameEn: '', category: '', grades: [] },
            cooperative: { id: factory.id, name: '' },
            farmPlot: { id: plantView.id, name: '', region: { county: '' } },
          }),
        ]);
    });
  });

  describe('supply', () => {
    const production = (event: typeof produced) => {
      const { batchId: _batch, ...d } = event.data;
      return { kind: 'production' as const, ...d };
    };

    it('adds each production to the output lot: harvested, with its supplies listed', () => {
      given([output({})])
        .when(produced)
        .then([output({ status: 'harvested', quantities: kg({ supplied: 60, remaining: 60 }), supplies: [production(produced)] })]);
      given([output({}), produced])
        .when(producedAgain)
        .then([
          output({
            status: 'harvested',
            quantities: kg({ supplied: 105, remaining: 105 }),
            supplies: [production(produced), production(producedAgain)],
          }),
        ]);
    });

    it('keeps an output counted in heads with its live weight', () => {
      const birds = {
        ...produced,
        data: { ...produced.data, quantity: { value: 196, unit: 'head' }, liveWeight: { value: 0.35, unit: 't' } },
      };
      given([output({})])
        .when(birds)
        .then([
          output({
            status: 'harvested',
            quantities: heads({ supplied: 196, remaining: 196, liveWeightKg: 350 }),
            supplies: [
              {
                kind: 'production',
                transformationId: 'tf-0620-drying',
                quantity: { value: 196, unit: 'head' },
                producedAt: produced.data.producedAt,
              },
            ],
          }),
        ]);
    });

    it('adds a household purchase to the purchase lot, with the person, the harvest and the certificate', () => {
      const { batchId: _batch, ...household } = purchasedFromHousehold.data;
      const lot = write('batches', { ...outputLot, id: 'bat-jfp-20250619', origin: { kind: 'purchase', plantId: plantView.id } });
      given([lot])
        .when(purchasedFromHousehold)
        .then([
          {
            ...lot,
            doc: {
              ...lot.doc,
              status: 'harvested',
              quantities: kg({ supplied: 120, remaining: 120 }),
              supplies: [{ kind: 'household_purchase', ...household }],
            },
          },
        ]);
    });

    it('counts a flock’s harvest in heads, with the live weight on the harvest and the lot', () => {
      given([flock({ status: 'registered', harvests: [] })])
        .when(flockHarvested)
        .then([
          flock({
            harvests: [{ ...flockLot.harvests[0], liveWeight: { value: 360, unit: 'kg' } }],
            quantities: heads({}),
          }),
        ]);
    });
  });

  describe('transformations taking from the lot', () => {
    it('sets the reservation aside and lets the processor read the lot', () => {
      given([flock({ quantities: heads({}) })])
        .when(slaughter)
        .then([
          flock({ quantities: heads({ reserved: 50, remaining: 150 }), consumptions: [reservedBirds] }),
          access('org-lechang-slaughterhouse', 'bat-mx-20250615'),
        ]);
    });

    it('moves a consumed reservation from reserved to consumed', () => {
      given([flock({ quantities: heads({}) }), slaughter])
        .when(consumed)
        .then([
          flock({
            quantities: heads({ consumed: 50, remaining: 150 }),
            consumptions: [{ ...reservedBirds, status: 'consumed', consumedAt: '2025-06-16T12:00:00+08:00' }],
          }),
        ]);
    });

    it('gives a released reservation back to the lot', () => {
      given([flock({ quantities: heads({}) }), slaughter])
        .when(released)
        .then([
          flock({
            quantities: heads({}),
            consumptions: [
              { ...reservedBirds, status: 'released', releasedAt: '2025-06-16T07:05:00+08:00', reason: 'another input was refused' },
            ],
          }),
        ]);
    });

    it('lists cartons taken without moving the loose quantities: they were counted as packed', () => {
      const plums = write('batches', {
        ...outputLot,
        id: 'bat-jf-20250618',
        quantities: kg({ supplied: 800, packed: 10, remaining: 790 }),
      });
      const cartons: BatchInputReserved = {
        type: 'BatchInputReserved',
        data: {
          batchId: 'bat-jf-20250618',
          transformationId: 'tf-0620-drying',
          processorId: factory.id,
          quantity: { value: 5, unit: 'kg' },
          weightKg: 5,
          cartonIds: ['CTN-0618-001'],
          reservedAt: '2025-06-20T08:00:00+08:00',
        },
      };
      const { batchId: _batch, ...taken } = cartons.data;
      given([plums])
        .when(cartons)
        .then([
          { ...plums, doc: { ...plums.doc, consumptions: [{ ...taken, status: 'reserved' }] } },
          access(factory.id, 'bat-jf-20250618'),
        ]);
      given([plums, cartons])
        .when({ ...consumed, data: { ...consumed.data, batchId: 'bat-jf-20250618', transformationId: 'tf-0620-drying' } })
        .then([
          {
            ...plums,
            doc: { ...plums.doc, consumptions: [{ ...taken, status: 'consumed', consumedAt: '2025-06-16T12:00:00+08:00' }] },
          },
        ]);
    });

    it('changes nothing for a transformation that reserved nothing', () => {
      given([flock({ quantities: heads({}) })])
        .when(consumed)
        .then([flock({ quantities: heads({}) })]);
    });

    it('packs what the transformations left', () => {
      const birdItems = { ...packed, data: { ...packed.data, batchId: 'bat-mx-20250615' } };
      given([flock({ quantities: heads({}) }), slaughter, consumed])
        .when(birdItems)
        .then([
          flock({
            status: 'packed',
            quantities: heads({ consumed: 50, packed: 3, remaining: 147 }),
            consumptions: [{ ...reservedBirds, status: 'consumed', consumedAt: '2025-06-16T12:00:00+08:00' }],
            packings: [
              {
                packingId: 'pk-0618-1',
                facilityId: 'fac-jiufeng-packhouse',
                facilityName: 'fac-jiufeng-packhouse',
                packedAt: '2025-06-18T15:00:00+08:00',
                itemCount: 3,
                cartonIds: ['CTN-0618-001', 'CTN-0618-002'],
              },
            ],
            itemCount: 3,
          }),
          ...packed.data.items.map((item) => ({
            collection: 'items',
            id: item.code,
            doc: {
              code: item.code,
              batchId: 'bat-mx-20250615',
              cartonId: item.cartonId,
              grade: item.grade,
              netWeight: item.netWeight,
              packingId: 'pk-0618-1',
              packedAt: '2025-06-18T15:00:00+08:00',
              facilityId: 'fac-jiufeng-packhouse',
            } satisfies ItemView,
          })),
        ]);
    });
  });

  describe('sales (收购 from the lot)', () => {
    const plums = write('batches', { ...outputLot, id: 'bat-jf-20250618', quantities: kg({ supplied: 800, remaining: 800 }) });
    const sale = {
      purchaseId: 'pu-0619-jf',
      buyerOrganizationId: factory.id,
      buyerName: factory.name,
      quantity: { value: 500, unit: 'kg' },
      purchasedAt: '2025-06-19T09:30:00+08:00',
      certificateNo: 'HG440281-20250618-0001',
    };

    it('lists the sale with the buyer named, and counts it sold without taking it from what remains', () => {
      given([...registry, plums])
        .when(purchaseRecorded)
        .then([{ ...plums, doc: { ...plums.doc, quantities: kg({ supplied: 800, remaining: 800, sold: 500 }), sales: [sale] } }]);
    });

    it('names the buyer by its id where the registry has none, and counts every sale in the lot’s unit', () => {
      given([plums, purchaseRecorded])
        .when({ ...purchaseRecorded, data: { ...purchaseRecorded.data, purchaseId: 'pu-0620-jf', quantity: { value: 0.2, unit: 't' } } })
        .then([
          {
            ...plums,
            doc: {
              ...plums.doc,
              quantities: kg({ supplied: 800, remaining: 800, sold: 700 }),
              sales: [
                { ...sale, buyerName: factory.id },
                { ...sale, buyerName: factory.id, purchaseId: 'pu-0620-jf', quantity: { value: 0.2, unit: 't' } },
              ],
            },
          },
        ]);
    });
  });
});
