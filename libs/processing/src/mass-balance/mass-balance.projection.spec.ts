import { DocWrite } from '@suyuan/readmodels';
import { projectionSpec } from '@suyuan/readmodels/testing';
import { massBalanceProjection } from './mass-balance.projection';
import { MassBalanceView } from './mass-balance.views';
import {
  CHICKEN,
  GUANGDONG,
  LEAVES,
  LECHANG,
  TEA,
  boughtFromHousehold,
  consumed,
  delivered,
  grown,
  harvested,
  hensHarvested,
  outputLot,
  packedTea,
  purchaseLot,
  purchaseRecorded,
  registry,
  released,
  reserved,
  teaProduced,
  teaRegistered,
} from './mass-balance.fixtures';

const given = projectionSpec(massBalanceProjection);

const NONE = { kg: 0 };
const SEASON_2026 = { season: '2026', months: { from: '2026-03', to: '2027-02' } };

/** The row of fresh leaves in 乐昌市, season 2026 (March 2026 – February 2027), as nothing has counted in it yet. */
const leavesRow: MassBalanceView = {
  id: `${LEAVES}|${GUANGDONG}|${LECHANG}|2026`,
  product: { id: LEAVES, nameZh: '乐昌白毛茶鲜叶', nameEn: 'Lechang Baimao tea leaves' },
  province: GUANGDONG,
  county: LECHANG,
  ...SEASON_2026,
  capacity: { kg: 0, yieldPerMuKg: 300, areaMu: 0, plots: 0, unknownArea: [] },
  harvested: NONE,
  boughtFromHouseholds: NONE,
  boughtFromOrganizations: NONE,
  consumed: NONE,
  produced: NONE,
  packed: NONE,
  delivered: NONE,
  flags: [],
};
const teaRow: MassBalanceView = {
  ...leavesRow,
  id: `${TEA}|${GUANGDONG}|${LECHANG}|2026`,
  product: { id: TEA, nameZh: '乐昌白毛茶', nameEn: 'Lechang Baimao tea' },
  capacity: { kg: 0, yieldPerMuKg: 60, areaMu: 0, plots: 0, unknownArea: [] },
};
/** 雪毛鸡 in 乐昌市, a product without a yield per 亩: the calendar year, and the poultry house of 2 亩 counted. */
const chickenRow: MassBalanceView = {
  ...leavesRow,
  id: `${CHICKEN}|${GUANGDONG}|${LECHANG}|2026`,
  product: { id: CHICKEN, nameZh: '乐昌雪毛鸡', nameEn: 'Lechang Xuemao chicken' },
  months: { from: '2026-01', to: '2026-12' },
  capacity: { kg: null, yieldPerMuKg: null, areaMu: 2, plots: 1, unknownArea: [] },
};
const row = (doc: MassBalanceView): DocWrite => ({ collection: 'massBalance', id: doc.id, doc });
const lot = (doc: Record<string, unknown>): DocWrite => ({ collection: 'massBalanceLots', id: String(doc.id), doc });
const plot = (id: string): DocWrite => ({ collection: 'massBalancePlots', id, doc: { id } });

const garden1Lot = { id: 'bat-g1', productId: LEAVES, province: GUANGDONG, county: LECHANG, reserved: {} };
const garden1Harvested = {
  ...garden1Lot,
  firstSuppliedAt: '2026-04-10T07:00:00+08:00',
  rowId: leavesRow.id,
};
/** Garden 1 (10 亩) harvested 1,200 kg of leaves in April 2026. */
const garden1 = [...registry, grown('bat-g1', 'fac-garden-1'), harvested('bat-g1', 'fac-garden-1', 1200)];
const afterGarden1: MassBalanceView = {
  ...leavesRow,
  capacity: { ...leavesRow.capacity, kg: 3000, areaMu: 10, plots: 1 },
  harvested: { kg: 1200 },
};

describe('mass-balance projection', () => {
  describe('lots', () => {
    it('places a grown lot in its plot’s county', () => {
      given(registry)
        .when(grown('bat-g1', 'fac-garden-1'))
        .then([lot(garden1Lot)]);
    });

    it('places an output or purchase lot in its plant’s county', () => {
      given(registry)
        .when(outputLot)
        .then([lot({ id: 'bat-tea', productId: TEA, province: GUANGDONG, county: LECHANG, reserved: {} })]);
    });
  });

  describe('capacity and harvest', () => {
    it('counts a harvest in its lot’s season, and its plot’s area by the yield per 亩 in the capacity', () => {
      given([...registry, grown('bat-g1', 'fac-garden-1')])
        .when(harvested('bat-g1', 'fac-garden-1', 1200))
        .then([row(afterGarden1), lot(garden1Harvested), plot(`${LEAVES}|2026|fac-garden-1`)]);
    });

    it('counts a plot once a season, however many of its lots are harvested', () => {
      given([...garden1, grown('bat-g1b', 'fac-garden-1')])
        .when(harvested('bat-g1b', 'fac-garden-1', 800, '2026-09-20T07:00:00+08:00'))
        .then([
          row({ ...afterGarden1, harvested: { kg: 2000 } }),
          lot({ ...garden1Lot, id: 'bat-g1b', firstSuppliedAt: '2026-09-20T07:00:00+08:00', rowId: leavesRow.id }),
        ]);
    });

    it('adds a second plot’s area, and lists a plot without an area as unknown', () => {
      given([...garden1, grown('bat-g2', 'fac-garden-2')])
        .when(harvested('bat-g2', 'fac-garden-2', 100))
        .then([
          row({ ...afterGarden1, capacity: { ...afterGarden1.capacity, kg: 4500, areaMu: 15, plots: 2 }, harvested: { kg: 1300 } }),
          lot({ ...garden1Harvested, id: 'bat-g2' }),
          plot(`${LEAVES}|2026|fac-garden-2`),
        ]);
      given([...garden1, grown('bat-g3', 'fac-garden-3')])
        .when(harvested('bat-g3', 'fac-garden-3', 100))
        .then([
          row({
            ...afterGarden1,
            capacity: { ...afterGarden1.capacity, plots: 2, unknownArea: [{ id: 'fac-garden-3', name: '沙坪村 3 号茶园' }] },
            harvested: { kg: 1300 },
          }),
          lot({ ...garden1Harvested, id: 'bat-g3' }),
          plot(`${LEAVES}|2026|fac-garden-3`),
        ]);
    });

    it('keeps a lot in the season of its first harvest: with seasons from March, February 2027 is season 2026', () => {
      given([...registry, grown('bat-g1', 'fac-garden-1')])
        .when(harvested('bat-g1', 'fac-garden-1', 1200, '2027-02-20T07:00:00+08:00'))
        .then([
          row(afterGarden1),
          lot({ ...garden1Harvested, firstSuppliedAt: '2027-02-20T07:00:00+08:00' }),
          plot(`${LEAVES}|2026|fac-garden-1`),
        ]);
      given([...garden1])
        .when(harvested('bat-g1', 'fac-garden-1', 300, '2027-03-02T07:00:00+08:00'))
        .then([row({ ...afterGarden1, harvested: { kg: 1500 } }), lot(garden1Harvested)]);
    });

    it('counts a county’s plots apart from another’s', () => {
      const renhua = `${LEAVES}|${GUANGDONG}|仁化县|2026`;
      given([...garden1, grown('bat-rh', 'fac-renhua-garden')])
        .when(harvested('bat-rh', 'fac-renhua-garden', 500))
        .then([
          row({
            ...leavesRow,
            id: renhua,
            county: '仁化县',
            capacity: { ...leavesRow.capacity, kg: 2400, areaMu: 8, plots: 1 },
            harvested: { kg: 500 },
          }),
          lot({ ...garden1Harvested, id: 'bat-rh', county: '仁化县', rowId: renhua }),
          plot(`${LEAVES}|2026|fac-renhua-garden`),
        ]);
    });

    it('counts the plots of a product’s inputs in a processed product’s capacity, by its own yield per 亩', () => {
      given([...registry, teaRegistered, grown('bat-g1', 'fac-garden-1')])
        .when(harvested('bat-g1', 'fac-garden-1', 1200))
        .then([
          row(afterGarden1),
          row({ ...teaRow, capacity: { ...teaRow.capacity, kg: 600, areaMu: 10, plots: 1 } }),
          lot(garden1Harvested),
          plot(`${LEAVES}|2026|fac-garden-1`),
          plot(`${TEA}|2026|fac-garden-1`),
        ]);
    });

    it('lets a processed product’s inputs know it', () => {
      given(registry)
        .when(teaRegistered)
        .then([{ collection: 'massBalanceInputs', id: LEAVES, doc: { id: LEAVES, madeInto: [TEA] } }]);
    });

    it('has no capacity to weigh against for a product without a yield per 亩, and weighs heads by their live weight', () => {
      given([...registry, grown('bat-hens', 'fac-poultry-house', CHICKEN)])
        .when(hensHarvested(360))
        .then([
          row({ ...chickenRow, harvested: { kg: 360 } }),
          lot({
            id: 'bat-hens',
            productId: CHICKEN,
            province: GUANGDONG,
            county: LECHANG,
            reserved: {},
            firstSuppliedAt: '2026-05-02T06:00:00+08:00',
            rowId: chickenRow.id,
            live: { count: 200, kg: 360 },
          }),
          plot(`${CHICKEN}|2026|fac-poultry-house`),
        ]);
    });
  });

  describe('purchases', () => {
    it('counts leaves bought from households in the purchaser’s plant’s county, with no plot to add', () => {
      given([...garden1, purchaseLot, boughtFromHousehold(400, 'p1')])
        .when(boughtFromHousehold(250, 'p2'))
        .then([
          row({ ...afterGarden1, boughtFromHouseholds: { kg: 650 } }),
          lot({ ...garden1Harvested, id: 'bat-purchase', firstSuppliedAt: '2026-04-10T15:00:00+08:00' }),
        ]);
    });

    it('counts a purchase from a cooperative’s lot there, heads weighed by the lot’s live weight, or counted where it is unknown', () => {
      const base = [...registry, grown('bat-hens', 'fac-poultry-house', CHICKEN)];
      given([...base, hensHarvested(360)])
        .when(purchaseRecorded('bat-hens', { value: 50, unit: 'head' }))
        .then([row({ ...chickenRow, harvested: { kg: 360 }, boughtFromOrganizations: { kg: 90 } })]);
      given([...base, hensHarvested()])
        .when(purchaseRecorded('bat-hens', { value: 50, unit: 'head' }))
        .then([row({ ...chickenRow, harvested: { kg: 0, head: 200 }, boughtFromOrganizations: { kg: 0, head: 50 } })]);
    });
  });

  describe('transformations', () => {
    const reservedLot = { ...garden1Harvested, reserved: { 'trf-0411': { kg: 1000 } } };

    it('sets a reservation aside on the lot, and counts nothing yet', () => {
      given(garden1)
        .when(reserved('bat-g1', { value: 1, unit: 't' }))
        .then([lot(reservedLot)]);
    });

    it('counts the reservation as consumed when the transformation completes', () => {
      given([...garden1, reserved('bat-g1', { value: 1, unit: 't' })])
        .when(consumed('bat-g1'))
        .then([lot(garden1Harvested), row({ ...afterGarden1, consumed: { kg: 1000 } })]);
    });

    it('counts nothing of a released reservation', () => {
      given([...garden1, reserved('bat-g1', { value: 1, unit: 't' })])
        .when(released('bat-g1'))
        .then([lot(garden1Harvested)]);
      given([...garden1, reserved('bat-g1', { value: 1, unit: 't' }), released('bat-g1')])
        .when(consumed('bat-g1'))
        .then([]);
    });

    it('takes the weight a reservation of heads was given', () => {
      given([...registry, grown('bat-hens', 'fac-poultry-house', CHICKEN)])
        .when(reserved('bat-hens', { value: 20, unit: 'head' }, 38))
        .then([lot({ id: 'bat-hens', productId: CHICKEN, province: GUANGDONG, county: LECHANG, reserved: { 'trf-0411': { kg: 38 } } })]);
    });

    it('counts what a transformation produced in its output lot’s county', () => {
      given([...registry, teaRegistered, outputLot])
        .when(teaProduced(240))
        .then([
          row({ ...teaRow, produced: { kg: 240 } }),
          lot({
            id: 'bat-tea',
            productId: TEA,
            province: GUANGDONG,
            county: LECHANG,
            reserved: {},
            firstSuppliedAt: '2026-04-11T18:00:00+08:00',
            rowId: teaRow.id,
          }),
        ]);
    });
  });

  describe('packed and delivered', () => {
    const bought = [...registry, teaRegistered, grown('bat-g1', 'fac-garden-1'), harvested('bat-g1', 'fac-garden-1', 1200)];
    const teaCapacity = { ...teaRow.capacity, kg: 600, areaMu: 10, plots: 1 };
    const teaLot = [...bought, outputLot, teaProduced(700)];

    it('counts packed items by net weight and keeps each carton’s for its delivery', () => {
      given([...teaLot])
        .when(packedTea('bat-tea', 3, 2))
        .then([
          row({ ...teaRow, capacity: teaCapacity, produced: { kg: 700 }, packed: { kg: 1.5 } }),
          { collection: 'massBalanceCartons', id: 'bat-tea-ctn-0', doc: { id: 'bat-tea-ctn-0', lotId: 'bat-tea', net: { kg: 1 } } },
          { collection: 'massBalanceCartons', id: 'bat-tea-ctn-1', doc: { id: 'bat-tea-ctn-1', lotId: 'bat-tea', net: { kg: 0.5 } } },
        ]);
    });

    it('flags more packed than the plots could give, with the numbers', () => {
      const packedKg = 1300 * 0.5;
      given([...teaLot])
        .when(packedTea('bat-tea', 1300, 100))
        .then([
          row({
            ...teaRow,
            capacity: teaCapacity,
            produced: { kg: 700 },
            packed: { kg: packedKg },
            flags: [{ flag: 'sold_over_capacity', soldKg: 650, capacityKg: 600, excessKg: 50, plotsWithoutArea: 0 }],
          }),
          ...Array.from({ length: 13 }, (_, c): DocWrite => {
            const id = `bat-tea-ctn-${c}`;
            return { collection: 'massBalanceCartons', id, doc: { id, lotId: 'bat-tea', net: { kg: 50 } } };
          }),
        ]);
    });

    it('does not flag what the plots could give', () => {
      given([...teaLot])
        .when(packedTea('bat-tea', 1200, 1200))
        .then([
          row({ ...teaRow, capacity: teaCapacity, produced: { kg: 700 }, packed: { kg: 600 } }),
          { collection: 'massBalanceCartons', id: 'bat-tea-ctn-0', doc: { id: 'bat-tea-ctn-0', lotId: 'bat-tea', net: { kg: 600 } } },
        ]);
    });

    it('counts delivered cartons, each in its own lot’s row', () => {
      const both = [...teaLot, packedTea('bat-tea', 4, 2), packedTea('bat-g1', 2, 2)];
      given(both)
        .when(delivered(['bat-tea-ctn-0', 'bat-g1-ctn-0', 'bat-tea-ctn-1']))
        .then([
          row({ ...teaRow, capacity: teaCapacity, produced: { kg: 700 }, packed: { kg: 2 }, delivered: { kg: 2 } }),
          row({ ...afterGarden1, packed: { kg: 1 }, delivered: { kg: 1 } }),
        ]);
    });

    it('writes nothing for a lot or carton it does not know', () => {
      given(registry)
        .when(harvested('bat-unknown', 'fac-garden-1', 10))
        .then([]);
      given(registry)
        .when(delivered(['ctn-unknown']))
        .then([]);
    });
  });
});
