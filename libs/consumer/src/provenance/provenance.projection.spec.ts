import { docKey } from '@suyuan/readmodels/projection';
import { projectionSpec } from '@suyuan/readmodels/testing';
import type { PassportTest } from '../passport/item-passport';
import {
  BEIXIANG,
  CHICKEN,
  FAC,
  HOUSEHOLD,
  ORG,
  PRODUCT,
  TEA,
  chickenEvents,
  harvest,
  held,
  projected,
  teaEvents,
  test,
  transformation,
} from './provenance.fixtures';
import { provenanceProjection } from './provenance.projection';
import { LotProvenanceView } from './provenance.views';

const provenanceOf = (docs: ReturnType<typeof projected>, id: string) =>
  docs.get(docKey('provenance', id)) as LotProvenanceView | undefined;
const kg = (value: number) => ({ value, unit: 'kg' });
const lab = ORG.lab.name;

function passed(sampleId: string, testedAt: string, value: number): PassportTest {
  return {
    method: 'pesticide_residue_rapid_test',
    standardRef: 'GB/T 5009.199-2003',
    sampleId,
    testedAt,
    value,
    unit: '%',
    threshold: 50,
    passed: true,
    labName: lab,
  };
}

describe('provenance projection', () => {
  describe('a tea lot made from two cooperatives’ fresh leaves and one household’s', () => {
    const docs = projected(teaEvents());
    const tea = provenanceOf(docs, TEA.tea.batchId)!;

    it('counts the cooperatives and households and lists every origin, largest first, with plot, harvest and safety tests', () => {
      expect(tea.madeFrom?.sources).toEqual({ cooperatives: 2, households: 1 });
      expect(tea.madeFrom?.origins).toEqual([
        {
          kind: 'farm',
          batchId: TEA.leavesA.batchId,
          lotCode: TEA.leavesA.lotCode,
          product: { nameZh: '茶叶鲜叶', nameEn: 'Fresh tea leaves' },
          quantity: kg(300),
          harvest: { from: '2026-04-02T06:00:00+08:00', to: '2026-04-02T06:00:00+08:00' },
          tests: [passed('S-qt-a-1', '2026-04-02T10:00:00+08:00', 12.5)],
          cooperative: { name: ORG.teaCoopA.name },
          farmPlot: { name: FAC.plotA.name, region: { province: '广东省', city: '韶关市', county: '乐昌市', town: '北乡镇' } },
        },
        {
          kind: 'farm',
          batchId: TEA.leavesB.batchId,
          lotCode: TEA.leavesB.lotCode,
          product: { nameZh: '茶叶鲜叶', nameEn: 'Fresh tea leaves' },
          quantity: kg(200),
          harvest: { from: '2026-04-01T06:00:00+08:00', to: '2026-04-02T06:00:00+08:00' },
          // The moisture test is the lot's own business: a raw material shows its safety tests.
          tests: [passed('S-qt-b-1', '2026-04-02T11:00:00+08:00', 20)],
          cooperative: { name: ORG.teaCoopB.name },
          farmPlot: { name: FAC.plotB.name, region: { province: '广东省', city: '韶关市', county: '乐昌市', town: '九峰镇' } },
        },
        {
          kind: 'households',
          batchId: TEA.bought.batchId,
          lotCode: TEA.bought.lotCode,
          product: { nameZh: '茶叶鲜叶', nameEn: 'Fresh tea leaves' },
          quantity: kg(50),
          harvest: { from: '2026-04-02T07:00:00+08:00', to: '2026-04-02T07:00:00+08:00' },
          tests: [],
          purchaser: { name: ORG.teaFactory.name },
          households: 1,
          places: [{ region: { county: '乐昌市', town: '北乡镇', village: '茶料村' }, households: 1 }],
        },
      ]);
    });

    it('shows the processing: who, where, when, the steps with their parameters, what went in and came out', () => {
      expect(tea.madeFrom?.processing).toEqual([
        {
          transformationId: TEA.transformationId,
          processor: { name: ORG.teaFactory.name },
          plant: { name: FAC.teaPlant.name, region: FAC.teaPlant.region },
          process: 'tea_processing',
          startedAt: TEA.startedAt,
          endedAt: '2026-04-03T20:00:00+08:00',
          steps: TEA.steps,
          yieldPct: 22,
          inputs: [
            { lotCode: 'BX-0402', product: { nameZh: '茶叶鲜叶', nameEn: 'Fresh tea leaves' }, quantity: kg(300) },
            { lotCode: 'JF-0402', product: { nameZh: '茶叶鲜叶', nameEn: 'Fresh tea leaves' }, quantity: kg(200) },
            { lotCode: 'SG-0402', product: { nameZh: '茶叶鲜叶', nameEn: 'Fresh tea leaves' }, quantity: kg(50) },
          ],
          outputs: [{ lotCode: 'BM-0403', quantity: kg(121) }],
        },
      ]);
      expect(tea.madeFrom?.inputHolds).toEqual([]);
    });

    it('keeps on each input the lot made from it, so that the input’s later facts reach it', () => {
      for (const input of [TEA.leavesA, TEA.leavesB, TEA.bought])
        expect(provenanceOf(docs, input.batchId)?.madeInto).toEqual([TEA.tea.batchId]);
      expect(tea.madeInto).toEqual([]);
    });

    it('never shows a household’s person id: only how many and where', () => {
      expect(JSON.stringify(tea.madeFrom)).not.toContain(HOUSEHOLD.id);
      expect(JSON.stringify(provenanceOf(docs, TEA.bought.batchId)?.madeFrom)).not.toContain(HOUSEHOLD.id);
    });

    it('gives the purchase lot its own origins: the households it bought from', () => {
      const bought = provenanceOf(docs, TEA.bought.batchId)!;
      expect(bought.madeFrom?.sources).toEqual({ cooperatives: 0, households: 1 });
      expect(bought.madeFrom?.origins).toMatchObject([{ kind: 'households', quantity: kg(50), households: 1 }]);
      expect(bought.madeFrom?.processing).toEqual([]);
    });

    it('leaves out what was harvested or bought after the processing started', () => {
      const later = projected([
        ...teaEvents(),
        harvest(TEA.leavesA.batchId, '2026-04-04T06:00:00+08:00', kg(100), FAC.plotA),
        {
          type: 'BatchPurchasedFromHousehold',
          data: {
            batchId: TEA.bought.batchId,
            purchaseId: 'pur-0404-1',
            personId: 'psn-tea-2',
            quantity: kg(30),
            purchasedAt: '2026-04-04T16:00:00+08:00',
          },
        },
      ]);
      expect(provenanceOf(later, TEA.tea.batchId)).toEqual(tea);
      // The purchase lot's own page counts both households; the second one's place is not on record.
      expect(provenanceOf(later, TEA.bought.batchId)?.madeFrom?.origins).toMatchObject([
        { households: 2, quantity: kg(80), places: [{ region: { county: '乐昌市', town: '北乡镇', village: '茶料村' }, households: 1 }] },
      ]);
    });
  });

  describe('live chickens slaughtered into chilled ones', () => {
    const chilled = provenanceOf(projected(chickenEvents()), CHICKEN.chilled.batchId)!;

    it('shows the farm, the head count with its live weight and the veterinary-drug test', () => {
      expect(chilled.madeFrom?.sources).toEqual({ cooperatives: 1, households: 0 });
      expect(chilled.madeFrom?.origins).toMatchObject([
        {
          kind: 'farm',
          lotCode: CHICKEN.live.lotCode,
          quantity: { value: 200, unit: 'head' },
          weightKg: 400,
          cooperative: { name: ORG.poultryFarm.name },
          tests: [{ method: 'veterinary_drug_residue_rapid_test', passed: true }],
        },
      ]);
    });

    it('shows the slaughter with its quarantine certificate number and time', () => {
      expect(chilled.madeFrom?.processing).toMatchObject([
        {
          process: 'slaughter',
          processor: { name: ORG.slaughterhouse.name },
          quarantineCertificateNo: 'A44-20260510-0012',
          steps: [{ name: '屠宰', startedAt: '2026-05-10T08:00:00+08:00', endedAt: '2026-05-10T10:00:00+08:00' }, { name: '预冷' }],
          outputs: [{ lotCode: CHICKEN.chilled.lotCode, quantity: { value: 200, unit: 'piece' } }],
        },
      ]);
    });
  });

  describe('an input that fails its safety test after the processing', () => {
    const failedAt = '2026-04-05T09:00:00+08:00';
    const failure = [
      test(TEA.leavesB.batchId, 'qt-b-2', failedAt, 'pesticide_residue_rapid_test', 68, false),
      held(TEA.leavesB.batchId, 'qt-b-2', failedAt),
    ];
    const docs = projected([...teaEvents(), ...failure]);
    const tea = provenanceOf(docs, TEA.tea.batchId)!;

    it('taints the lot made from it, naming the input lot and the test', () => {
      expect(tea.madeFrom?.inputHolds).toEqual([
        {
          batchId: TEA.leavesB.batchId,
          lotCode: TEA.leavesB.lotCode,
          product: { nameZh: '茶叶鲜叶', nameEn: 'Fresh tea leaves' },
          ownerName: ORG.teaCoopB.name,
          since: failedAt,
          failed: [{ ...passed('S-qt-b-2', failedAt, 68), passed: false }],
        },
      ]);
      expect(tea.madeFrom?.origins.find((o) => o.batchId === TEA.leavesB.batchId)?.tests.map((t) => t.passed)).toEqual([true, false]);
    });

    it('reaches every generation made from it, and clears when a confirmatory test lifts the hold', () => {
      const blend = { batchId: 'bat-blend', lotCode: 'PP-0406', productId: PRODUCT.blend.id };
      const blending = transformation(
        {
          transformationId: 'trf-blend',
          processorId: ORG.teaFactory.id,
          plantId: FAC.teaPlant.id,
          process: 'blending',
          startedAt: '2026-04-04T08:00:00+08:00',
          endedAt: '2026-04-04T10:00:00+08:00',
          steps: [],
        },
        [{ ...TEA.tea, ownerId: ORG.teaFactory.id, quantity: kg(100) }],
        { ...blend, quantity: kg(100) },
      );
      const lifted = {
        type: 'BatchHoldLifted' as const,
        data: { batchId: TEA.leavesB.batchId, family: 'pesticide' as const, testId: 'qt-b-3', liftedAt: '2026-04-06T09:00:00+08:00' },
      };
      const tainted = provenanceOf(projected([...teaEvents(), ...blending, ...failure]), blend.batchId)!;
      expect(tainted.madeFrom?.inputHolds.map((h) => h.lotCode)).toEqual([TEA.leavesB.lotCode]);
      expect(tainted.madeFrom?.processing.map((p) => p.process)).toEqual(['tea_processing', 'blending']);
      expect(tainted.madeFrom?.sources).toEqual({ cooperatives: 2, households: 1 });
      expect(tainted.madeFrom?.origins.map((o) => o.lotCode)).toEqual(['BX-0402', 'JF-0402', 'SG-0402']);
      const cleared = provenanceOf(projected([...teaEvents(), ...blending, ...failure, lifted]), blend.batchId)!;
      expect(cleared.madeFrom?.inputHolds).toEqual([]);
    });
  });

  describe('facts of lots nothing was made from', () => {
    const given = projectionSpec(provenanceProjection);

    it('write nothing', () => {
      given([])
        .when(test('bat-plum', 'qt-plum', '2026-06-12T09:00:00+08:00', 'pesticide_residue_rapid_test', 10, true))
        .then([]);
      given([])
        .when(harvest('bat-plum', '2026-06-12T06:00:00+08:00', kg(800), { ...FAC.plotA, region: BEIXIANG }))
        .then([]);
    });
  });
});
