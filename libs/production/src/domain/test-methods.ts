import { invalid } from '@suyuan/core';
import { ResidueFamily } from './events';

/**
 * What the system knows of a test method: whether a failure is a food-safety failure that
 * holds the batch, whether it can confirm or overturn a rapid test, and which way its value
 * reads against its threshold. Methods it does not know (moisture, Brix) are recorded as
 * sent and judged only by a product standard.
 */
export interface TestMethod {
  family: ResidueFamily;
  /** A confirmatory method (chromatography against GB 2763 / GB 31650 limits) can overturn a rapid test. */
  confirmatory: boolean;
  /** How the value fails: enzyme inhibition at or above the threshold; a residue above its limit. */
  failsAt?: 'at_or_above' | 'above';
  /** Values outside these bounds cannot come from the method. */
  valueRange?: { min: number; max: number };
}

export const TEST_METHODS: Readonly<Record<string, TestMethod>> = {
  // GB/T 5009.199-2003: enzyme inhibition in %, positive at ≥ 50 %.
  pesticide_residue_rapid_test: { family: 'pesticide', confirmatory: false, failsAt: 'at_or_above', valueRange: { min: 0, max: 100 } },
  // Colloidal-gold strips: the lab reads the verdict; the value's direction is the kit's own.
  veterinary_drug_residue_rapid_test: { family: 'veterinary_drug', confirmatory: false },
  // GB 2763 maximum residue limits, mg/kg, by GC/LC(-MS).
  pesticide_residue_chromatography: { family: 'pesticide', confirmatory: true, failsAt: 'above', valueRange: { min: 0, max: 1e6 } },
  // GB 31650 maximum residue limits of veterinary drugs, µg/kg, by LC-MS/MS.
  veterinary_drug_residue_chromatography: {
    family: 'veterinary_drug',
    confirmatory: true,
    failsAt: 'above',
    valueRange: { min: 0, max: 1e9 },
  },
};

export function testMethod(method: string): TestMethod | undefined {
  return Object.hasOwn(TEST_METHODS, method) ? TEST_METHODS[method] : undefined;
}

/** The verdict a value reads as, where the method defines the direction; undefined where only the lab can say. */
export function verdictOfValue(method: TestMethod | undefined, value: number, threshold: number): boolean | undefined {
  if (!method?.failsAt) return undefined;
  return method.failsAt === 'at_or_above' ? value < threshold : value <= threshold;
}

/**
 * A lab's `passed` must agree with its own value and threshold where the method says which
 * way the value reads: 99 % inhibition against 50 % cannot pass.
 */
export function checkVerdict(methodName: string, value: number, threshold: number, passed: boolean): void {
  const method = testMethod(methodName);
  const range = method?.valueRange;
  if (range && (value < range.min || value > range.max)) {
    throw invalid('implausible_value', `A ${methodName} reads between ${range.min} and ${range.max}; got ${value}`, { field: 'value' });
  }
  if (range && (threshold < range.min || threshold > range.max)) {
    throw invalid('implausible_value', `A ${methodName} threshold lies between ${range.min} and ${range.max}; got ${threshold}`, {
      field: 'threshold',
    });
  }
  const reads = verdictOfValue(method, value, threshold);
  if (reads !== undefined && reads !== passed) {
    const rule = method!.failsAt === 'at_or_above' ? 'at or above the threshold fails' : 'above the limit fails';
    throw invalid(
      'verdict_contradicts_value',
      `passed is ${passed}, but ${value} against ${threshold} ${reads ? 'passes' : 'fails'} a ${methodName} (${rule})`,
      { field: 'passed' },
    );
  }
}
