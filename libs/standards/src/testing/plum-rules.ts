/** The sample trading standard for 黄金柰李 the e2e tests judge plums by (values from PRODUCT.md). */
export function plumRules() {
  return {
    grading: {
      classes: [
        { grade: '特级', attributes: { diameterMm: { min: 45 }, brix: { min: 13 } }, tolerancePct: 5 },
        { grade: '一级', attributes: { diameterMm: { min: 40, max: 45 }, brix: { min: 11 } }, tolerancePct: 10 },
      ],
    },
    preCooling: { withinHours: 3, maxCoreTemperatureC: 5 },
    storage: { minC: -1, maxC: 3, maxExcursionMinutes: 30, maxTotalMinutesOutOfRange: 60 },
    transport: { minC: 0, maxC: 3, maxExcursionMinutes: 30, maxTotalMinutesOutOfRange: 60 },
    tests: [{ method: 'pesticide_residue_rapid_test', threshold: 50, passRequired: true, validDays: 3 }],
    safetyIntervals: {},
    certificates: { required: ['compliance_certificate'] },
    harvestToPacking: { maxHours: 24 },
    hubToVillage: { maxHours: 48 },
    requiredData: { fields: ['origin_plot', 'harvest_time', 'net_weight', 'grade'] },
  };
}
