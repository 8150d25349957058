import { invalid } from '@suyuan/core';
import {
  AttributeBounds,
  CERTIFICATE_KINDS,
  GradeClassRule,
  ProcessingYieldRule,
  REQUIRED_DATA_FIELDS,
  RequiredTestRule,
  RuleKind,
  ScanLimitsRule,
  StandardRules,
  TemperatureRule,
} from './rules';

const RULE_KINDS: readonly RuleKind[] = [
  'grading',
  'preCooling',
  'storage',
  'transport',
  'tests',
  'safetyIntervals',
  'certificates',
  'harvestToPacking',
  'hubToVillage',
  'requiredData',
  'processingYield',
  'scans',
];

/**
 * Refuses a standard that contradicts itself, naming the rule: min above max, grade classes
 * that overlap (an item would belong to two), a tolerance outside 0–100 %, a grade the
 * product does not have. Returns the rules with only the known fields kept.
 */
export function validateRules(rules: StandardRules, productGrades: readonly string[]): StandardRules {
  if (!isObject(rules)) throw bad('rules', 'rules must be an object of rule kinds');
  const unknown = Object.keys(rules).filter((k) => !RULE_KINDS.includes(k as RuleKind));
  if (unknown.length > 0) throw bad(unknown[0], `unknown rule kind ${unknown.join(', ')}; known: ${RULE_KINDS.join(', ')}`);
  if (Object.keys(rules).length === 0) throw bad('rules', 'a standard needs at least one rule');
  const scope = (rule: string, grades: unknown) => checkScope(rule, grades, productGrades);
  const out: StandardRules = {};
  if (rules.grading !== undefined) out.grading = { classes: checkGrading(rules.grading, productGrades) };
  if (rules.preCooling !== undefined) {
    const r = object('preCooling', rules.preCooling);
    out.preCooling = {
      withinHours: positive('preCooling.withinHours', r.withinHours, 24 * 7),
      maxCoreTemperatureC: temperature('preCooling.maxCoreTemperatureC', r.maxCoreTemperatureC),
      ...scope('preCooling', r.grades),
    };
  }
  if (rules.storage !== undefined) out.storage = checkTemperature('storage', rules.storage);
  if (rules.transport !== undefined) out.transport = checkTemperature('transport', rules.transport);
  if (rules.tests !== undefined) out.tests = checkTests(rules.tests, scope);
  if (rules.safetyIntervals !== undefined) {
    const r = object('safetyIntervals', rules.safetyIntervals);
    const kinds = r.kinds === undefined ? undefined : strings('safetyIntervals.kinds', r.kinds);
    out.safetyIntervals = { ...(kinds && { kinds }), ...scope('safetyIntervals', r.grades) };
  }
  if (rules.certificates !== undefined) {
    const r = object('certificates', rules.certificates);
    const required = strings('certificates.required', r.required ?? []);
    const wrong = required.filter((k) => !(CERTIFICATE_KINDS as readonly string[]).includes(k));
    if (wrong.length > 0) throw bad('certificates', `unknown certificate ${wrong.join(', ')}; known: ${CERTIFICATE_KINDS.join(', ')}`);
    const all = ['compliance_certificate', ...required.filter((k) => k !== 'compliance_certificate')];
    out.certificates = { required: all as (typeof CERTIFICATE_KINDS)[number][], ...scope('certificates', r.grades) };
  }
  for (const kind of ['harvestToPacking', 'hubToVillage'] as const) {
    if (rules[kind] === undefined) continue;
    const r = object(kind, rules[kind]);
    out[kind] = { maxHours: positive(`${kind}.maxHours`, r.maxHours, 24 * 60), ...scope(kind, r.grades) };
  }
  if (rules.requiredData !== undefined) {
    const r = object('requiredData', rules.requiredData);
    const fields = strings('requiredData.fields', r.fields);
    const wrong = fields.filter((f) => !(REQUIRED_DATA_FIELDS as readonly string[]).includes(f));
    if (wrong.length > 0) throw bad('requiredData', `unknown field ${wrong.join(', ')}; known: ${REQUIRED_DATA_FIELDS.join(', ')}`);
    if (fields.length === 0) throw bad('requiredData', 'requiredData.fields lists no field');
    out.requiredData = { fields: [...new Set(fields)] as (typeof REQUIRED_DATA_FIELDS)[number][], ...scope('requiredData', r.grades) };
  }
  if (rules.processingYield !== undefined) out.processingYield = checkYield(rules.processingYield);
  if (rules.scans !== undefined) out.scans = checkScanLimits(rules.scans);
  return out;
}

function checkScanLimits(value: unknown): ScanLimitsRule {
  const r = object('scans', value);
  const out: ScanLimitsRule = {};
  for (const [field, max] of [
    ['maxConsumers', 100_000],
    ['maxPlaces', 1000],
    ['shelfLifeDays', 3650],
  ] as const) {
    if (r[field] === undefined) continue;
    const n = positive(`scans.${field}`, r[field], max);
    if (!Number.isInteger(n)) throw bad('scans', `scans.${field} must be a whole number; got ${n}`);
    out[field] = n;
  }
  if (Object.keys(out).length === 0) throw bad('scans', 'scans sets none of maxConsumers, maxPlaces, shelfLifeDays');
  return out;
}

function checkYield(value: unknown): ProcessingYieldRule {
  const r = object('processingYield', value);
  const minPct = finite('processingYield', 'processingYield.minPct', r.minPct);
  const maxPct = finite('processingYield', 'processingYield.maxPct', r.maxPct);
  // Above 100 % is possible by weight (rice takes up water when cooked), not tenfold.
  if (minPct <= 0 || maxPct > 1000)
    throw bad('processingYield', `processingYield must lie above 0 and at most 1000 %; got ${minPct}–${maxPct} %`);
  if (minPct > maxPct) throw bad('processingYield', `processingYield.minPct ${minPct} % is above processingYield.maxPct ${maxPct} %`);
  return { minPct, maxPct };
}

function checkGrading(value: unknown, productGrades: readonly string[]): GradeClassRule[] {
  const r = object('grading', value);
  if (!Array.isArray(r.classes) || r.classes.length === 0) throw bad('grading', 'grading.classes must list at least one grade class');
  const classes = r.classes.map((c: unknown, i: number) => {
    const field = `grading.classes[${i}]`;
    const k = object(field, c);
    if (typeof k.grade !== 'string' || !productGrades.includes(k.grade)) {
      throw bad('grading', `${field}.grade ${JSON.stringify(k.grade)} is not a grade of the product (${productGrades.join(', ')})`);
    }
    const tolerancePct = k.tolerancePct ?? 0;
    if (typeof tolerancePct !== 'number' || !Number.isFinite(tolerancePct) || tolerancePct < 0 || tolerancePct > 100) {
      throw bad('grading', `${field}.tolerancePct must be 0 to 100 %; got ${JSON.stringify(k.tolerancePct)}`);
    }
    return { grade: k.grade, attributes: checkBounds(`${field}.attributes`, k.attributes), tolerancePct };
  });
  const grades = classes.map((c) => c.grade);
  const repeated = grades.filter((g, i) => grades.indexOf(g) !== i);
  if (repeated.length > 0) throw bad('grading', `grade class ${repeated[0]} is listed twice`);
  for (let a = 0; a < classes.length; a++) {
    for (let b = a + 1; b < classes.length; b++) {
      if (overlap(classes[a].attributes, classes[b].attributes)) {
        throw bad(
          'grading',
          `grade classes ${classes[a].grade} and ${classes[b].grade} overlap: an item could belong to both; ` +
            'give them disjoint bounds on at least one attribute (min is inclusive, max exclusive)',
        );
      }
    }
  }
  return classes;
}

function checkBounds(field: string, value: unknown): AttributeBounds {
  const attributes = object(field, value);
  const names = Object.keys(attributes);
  if (names.length === 0) throw bad('grading', `${field} must bound at least one measured attribute`);
  const out: AttributeBounds = {};
  for (const name of names) {
    if (!/^[A-Za-z][A-Za-z0-9_]{0,39}$/.test(name)) throw bad('grading', `${field}.${name} is not a plain attribute name`);
    const b = object(`${field}.${name}`, attributes[name]);
    const min = b.min === undefined ? undefined : finite('grading', `${field}.${name}.min`, b.min);
    const max = b.max === undefined ? undefined : finite('grading', `${field}.${name}.max`, b.max);
    if (min === undefined && max === undefined) throw bad('grading', `${field}.${name} needs a min or a max`);
    if (min !== undefined && max !== undefined && min >= max) {
      throw bad('grading', `${field}.${name}: min ${min} is not below max ${max}`);
    }
    out[name] = { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
  }
  return out;
}

/** Two classes overlap unless some attribute both bound has disjoint [min, max) ranges. */
function overlap(a: AttributeBounds, b: AttributeBounds): boolean {
  for (const name of Object.keys(a)) {
    if (!b[name]) continue;
    const lo = Math.max(a[name].min ?? -Infinity, b[name].min ?? -Infinity);
    const hi = Math.min(a[name].max ?? Infinity, b[name].max ?? Infinity);
    if (lo >= hi) return false;
  }
  return true;
}

function checkTemperature(kind: 'storage' | 'transport', value: unknown): TemperatureRule {
  const r = object(kind, value);
  const minC = temperature(`${kind}.minC`, r.minC);
  const maxC = temperature(`${kind}.maxC`, r.maxC);
  if (minC > maxC) throw bad(kind, `${kind}.minC ${minC} °C is above ${kind}.maxC ${maxC} °C`);
  const maxExcursionMinutes = minutes(`${kind}.maxExcursionMinutes`, r.maxExcursionMinutes ?? 0);
  const maxTotalMinutesOutOfRange = minutes(`${kind}.maxTotalMinutesOutOfRange`, r.maxTotalMinutesOutOfRange ?? maxExcursionMinutes);
  if (maxExcursionMinutes > maxTotalMinutesOutOfRange) {
    throw bad(
      kind,
      `${kind}.maxExcursionMinutes ${maxExcursionMinutes} exceeds ${kind}.maxTotalMinutesOutOfRange ${maxTotalMinutesOutOfRange}: ` +
        'one excursion cannot be longer than all of them together',
    );
  }
  return { minC, maxC, maxExcursionMinutes, maxTotalMinutesOutOfRange };
}

function checkTests(value: unknown, scope: (rule: string, grades: unknown) => { grades?: string[] }): RequiredTestRule[] {
  if (!Array.isArray(value) || value.length === 0) throw bad('tests', 'tests must list at least one required test');
  const tests = value.map((t: unknown, i: number) => {
    const field = `tests[${i}]`;
    const r = object(field, t);
    if (typeof r.method !== 'string' || !/^[a-z][a-z0-9_]{1,60}$/.test(r.method)) {
      throw bad('tests', `${field}.method must be a method code like pesticide_residue_rapid_test`);
    }
    const requiredWhen = r.requiredWhen ?? 'always';
    if (requiredWhen !== 'always' && requiredWhen !== 'pesticide_applied') {
      throw bad('tests', `${field}.requiredWhen must be always or pesticide_applied`);
    }
    const validDays = r.validDays ?? 7;
    if (typeof validDays !== 'number' || !Number.isInteger(validDays) || validDays < 0 || validDays > 365)
      throw bad('tests', `${field}.validDays must be a whole number of days, 0 to 365`);
    if (r.passRequired !== undefined && typeof r.passRequired !== 'boolean')
      throw bad('tests', `${field}.passRequired must be true or false`);
    return {
      method: r.method,
      ...(typeof r.analyte === 'string' && { analyte: r.analyte }),
      ...(typeof r.standardRef === 'string' && { standardRef: r.standardRef }),
      threshold: finite('tests', `${field}.threshold`, r.threshold),
      passRequired: r.passRequired ?? true,
      validDays,
      requiredWhen,
      ...scope('tests', r.grades),
    } as RequiredTestRule;
  });
  const keys = tests.map((t) => `${t.method}/${t.analyte ?? ''}`);
  const repeated = keys.find((k, i) => keys.indexOf(k) !== i);
  if (repeated) throw bad('tests', `test ${repeated.replace(/\/$/, '')} is required twice`);
  return tests;
}

function checkScope(rule: string, grades: unknown, productGrades: readonly string[]): { grades?: string[] } {
  if (grades === undefined) return {};
  const list = strings(`${rule}.grades`, grades);
  const wrong = list.filter((g) => !productGrades.includes(g));
  if (list.length === 0 || wrong.length > 0) {
    throw bad(rule, `${rule}.grades must name grades of the product (${productGrades.join(', ')}); got ${JSON.stringify(grades)}`);
  }
  return { grades: [...new Set(list)] };
}

function bad(rule: string, message: string) {
  return invalid('invalid_standard', `Rule ${rule}: ${message}`, { rule });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(field: string, value: unknown): Record<string, unknown> {
  if (!isObject(value)) throw bad(field.split(/[.[]/)[0], `${field} must be an object`);
  return value;
}

function strings(field: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw bad(field.split('.')[0], `${field} must be a list of strings`);
  return value;
}

function finite(rule: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(rule, `${field} must be a number; got ${JSON.stringify(value)}`);
  return value;
}

function temperature(field: string, value: unknown): number {
  const c = finite(field.split('.')[0], field, value);
  if (c < -60 || c > 80) throw bad(field.split('.')[0], `${field} ${c} °C is outside -60 to 80 °C`);
  return c;
}

function positive(field: string, value: unknown, max: number): number {
  const n = finite(field.split('.')[0], field, value);
  if (n <= 0 || n > max) throw bad(field.split('.')[0], `${field} must be above 0 and at most ${max}; got ${n}`);
  return n;
}

function minutes(field: string, value: unknown): number {
  const n = finite(field.split('.')[0], field, value);
  if (n < 0 || n > 60 * 24 * 30) throw bad(field.split('.')[0], `${field} must be 0 to ${60 * 24 * 30} minutes; got ${n}`);
  return n;
}
