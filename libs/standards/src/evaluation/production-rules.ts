import * as core from '@suyuan/core';
import {
  CertificatesRule,
  GradingRule,
  MaxHoursRule,
  PreCoolingRule,
  RequiredDataField,
  RequiredDataRule,
  RequiredTestRule,
  SafetyIntervalRule,
} from '../domain/rules';
import { BatchFacts, rootLots } from './batch-facts';
import { DAY_MS, HOUR_MS, RuleResult, hours, result } from './rule-result';

/** Bound once: a call through the entry point's re-exports would pass their getters every time. */
const { chinaTimeOf, instantOf: ms, isoOf } = core;

/** 分级: each graded class the standard defines must measure within its bounds, with no more below grade than its tolerance. */
export function evaluateGrading(facts: BatchFacts, rule: GradingRule, grades: readonly string[] | undefined): RuleResult {
  const name = 'grading';
  const defined = new Map(rule.classes.map((c) => [c.grade, c]));
  const classes = facts.gradings.flatMap((g) => g.classes.map((c) => ({ ...c, eventId: g.eventId })));
  const relevant = classes.filter((c) => defined.has(c.grade) && (!grades || grades.includes(c.grade)));
  if (facts.gradings.length === 0) {
    if (facts.packings.length > 0) {
      return result(
        name,
        'violated',
        '已包装但没有分级记录',
        'Packed without a grading record',
        facts.packings.map((p) => p.eventId),
      );
    }
    return result(name, 'pending', '尚未分级', 'Not graded yet');
  }
  if (relevant.length === 0) {
    return result(
      name,
      'not_applicable',
      '所分等级不在本标准的分级范围内',
      'The grades graded are not ones this standard grades',
      facts.gradings.map((g) => g.eventId),
    );
  }
  for (const c of relevant) {
    const bounds = defined.get(c.grade)!;
    for (const [attribute, { min, max }] of Object.entries(bounds.attributes)) {
      const value = c.attributes[attribute];
      if (value === undefined) {
        return result(name, 'violated', `${c.grade}未测定${attribute}`, `${c.grade}: ${attribute} was not measured`, [c.eventId], {
          grade: c.grade,
          attribute,
        });
      }
      if ((min !== undefined && value < min) || (max !== undefined && value >= max)) {
        const range = `${min ?? '−∞'}–${max ?? '∞'}`;
        return result(
          name,
          'violated',
          `${c.grade}的${attribute}为${value}，标准要求${range}`,
          `${c.grade}: ${attribute} ${value} is outside ${range}`,
          [c.eventId],
          { grade: c.grade, attribute, value, min, max },
        );
      }
    }
    if (c.belowGradePct === undefined) {
      return result(name, 'pending', `${c.grade}未记录低于等级的比例`, `${c.grade}: the share below grade is not recorded`, [c.eventId], {
        grade: c.grade,
      });
    }
    if (c.belowGradePct > bounds.tolerancePct) {
      return result(
        name,
        'violated',
        `${c.grade}低于等级的比例${c.belowGradePct}%，超过允许的${bounds.tolerancePct}%`,
        `${c.grade}: ${c.belowGradePct} % below grade, more than the ${bounds.tolerancePct} % tolerated`,
        [c.eventId],
        { grade: c.grade, belowGradePct: c.belowGradePct, tolerancePct: bounds.tolerancePct },
      );
    }
  }
  const ids = [...new Set(relevant.map((c) => c.eventId))];
  const list = [...new Set(relevant.map((c) => c.grade))].join('、');
  return result(name, 'met', `${list}的测定值均符合分级要求`, `Every graded class (${list}) measures within its bounds`, ids);
}

/** 预冷: every harvest pre-cooled, starting within H hours, to a core temperature of at most T. */
export function evaluatePreCooling(facts: BatchFacts, rule: PreCoolingRule): RuleResult {
  const name = 'preCooling';
  const [since, sinceEn] = startOfClock(facts);
  const limitMs = rule.withinHours * HOUR_MS;
  if (facts.harvests.length === 0) return result(name, 'pending', '尚未采收', 'Not harvested yet');
  const ids: string[] = [];
  let dueBy: string | undefined;
  for (const h of facts.harvests) {
    const harvested = ms(h.harvestedAt);
    const cooling = facts.preCoolings.filter((p) => ms(p.startedAt) >= harvested).sort((a, b) => ms(a.startedAt) - ms(b.startedAt))[0];
    if (cooling && ms(cooling.startedAt) - harvested <= limitMs) {
      if (cooling.coreTemperatureC > rule.maxCoreTemperatureC) {
        return result(
          name,
          'violated',
          `预冷后中心温度${cooling.coreTemperatureC}°C，高于${rule.maxCoreTemperatureC}°C`,
          `Pre-cooled to a core ${cooling.coreTemperatureC} °C, above ${rule.maxCoreTemperatureC} °C`,
          [h.eventId, cooling.eventId],
          { coreTemperatureC: cooling.coreTemperatureC, maxCoreTemperatureC: rule.maxCoreTemperatureC },
        );
      }
      ids.push(h.eventId, cooling.eventId);
      continue;
    }
    const deadline = harvested + limitMs;
    if (cooling || ms(facts.asOf) > deadline) {
      const late = cooling ? hours(ms(cooling.startedAt) - harvested) : undefined;
      return result(
        name,
        'violated',
        cooling ? `${since}${late}小时才开始预冷，标准要求${rule.withinHours}小时内` : `${since}${rule.withinHours}小时内未预冷`,
        cooling
          ? `Pre-cooling began ${late} h after ${sinceEn}; the standard allows ${rule.withinHours} h`
          : `Not pre-cooled within ${rule.withinHours} h of ${sinceEn}`,
        cooling ? [h.eventId, cooling.eventId] : [h.eventId],
        { withinHours: rule.withinHours, ...(late !== undefined && { hoursAfterHarvest: late }) },
      );
    }
    dueBy = dueBy && dueBy < isoOf(deadline) ? dueBy : isoOf(deadline);
  }
  if (dueBy)
    return result(
      name,
      'pending',
      `须在${chinaTimeOf(dueBy)}前预冷`,
      `Pre-cooling due by ${chinaTimeOf(dueBy)} (UTC+8)`,
      ids,
      undefined,
      dueBy,
    );
  return result(
    name,
    'met',
    `${since}${rule.withinHours}小时内预冷至${rule.maxCoreTemperatureC}°C以下`,
    `Pre-cooled within ${rule.withinHours} h of ${sinceEn} to ${rule.maxCoreTemperatureC} °C or below`,
    ids,
  );
}

/** What a lot's pre-cooling and packing clocks count from: its harvest, or for an output lot its making (a slaughter). */
function startOfClock(facts: BatchFacts): [string, string] {
  return facts.origin === 'transformation' ? ['加工完成后', 'being made'] : ['采收后', 'harvest'];
}

/** A required test (e.g. 农药残留速测): passed, below the standard's threshold, and recent enough at the first dispatch. */
export function evaluateTest(facts: BatchFacts, rule: RequiredTestRule): RuleResult {
  const name = `tests:${rule.method}${rule.analyte ? `:${rule.analyte}` : ''}`;
  if (rule.requiredWhen === 'pesticide_applied' && !facts.inputs.some((i) => i.kind === 'pesticide')) {
    return result(name, 'not_applicable', '未使用农药，无须此项检测', 'No pesticide was applied, so this test is not required');
  }
  const tests = facts.tests.filter((t) => t.method === rule.method && (!rule.analyte || t.analyte === rule.analyte));
  const failed = tests.find((t) => !t.passed || t.value >= rule.threshold);
  if (failed && rule.passRequired) {
    return result(
      name,
      'violated',
      `检测不合格：${failed.value}，标准限值${rule.threshold}`,
      `Test failed: ${failed.value} against the standard's limit of ${rule.threshold}`,
      [failed.eventId],
      { value: failed.value, threshold: rule.threshold, testedAt: failed.testedAt },
    );
  }
  const passing = tests.filter((t) => t.passed && t.value < rule.threshold);
  const dispatch = facts.firstDispatch;
  if (!dispatch) {
    const counted = (rule.passRequired ? passing : tests).slice().sort((a, b) => ms(a.testedAt) - ms(b.testedAt));
    const t = counted[counted.length - 1];
    if (!t) return result(name, 'pending', '发货前须完成检测', 'A test is needed before dispatch');
    // Not yet dispatched: the test holds while it is still fresh enough to cover a dispatch now.
    if (facts.asOf && ms(facts.asOf) - ms(t.testedAt) > rule.validDays * DAY_MS) {
      return result(
        name,
        'pending',
        `检测已超过${rule.validDays}天，发货前须复检`,
        `The test is over ${rule.validDays} days old; test again before dispatch`,
        [t.eventId],
        { testedAt: t.testedAt, validDays: rule.validDays },
      );
    }
    return result(
      name,
      'met',
      `检测合格：${t.value}，限值${rule.threshold}`,
      `Passed: ${t.value} against a limit of ${rule.threshold}`,
      [t.eventId],
      { value: t.value },
    );
  }
  const earliest = ms(dispatch.at) - rule.validDays * DAY_MS;
  const valid = (rule.passRequired ? passing : tests).filter((t) => ms(t.testedAt) <= ms(dispatch.at) && ms(t.testedAt) >= earliest);
  if (valid.length > 0) {
    const t = valid[valid.length - 1];
    return result(
      name,
      'met',
      `发货前${rule.validDays}天内检测合格：${t.value}，限值${rule.threshold}`,
      `Passed within ${rule.validDays} days before dispatch: ${t.value} against a limit of ${rule.threshold}`,
      [t.eventId, dispatch.eventId],
      { value: t.value },
    );
  }
  return result(
    name,
    'violated',
    `发货前${rule.validDays}天内没有合格的检测`,
    `No passing test within ${rule.validDays} days before dispatch`,
    [dispatch.eventId, ...tests.map((t) => t.eventId)],
    { dispatchedAt: dispatch.at, validDays: rule.validDays },
  );
}

/** 安全间隔期: no harvest before the last application of a pesticide plus its safety interval. */
export function evaluateSafetyIntervals(facts: BatchFacts, rule: SafetyIntervalRule): RuleResult {
  const name = 'safetyIntervals';
  const kinds = rule.kinds ?? ['pesticide', 'veterinary_drug'];
  const inputs = facts.inputs.filter((i) => kinds.includes(i.kind) && i.safetyIntervalDays > 0);
  if (inputs.length === 0)
    return result(name, 'not_applicable', '未使用有安全间隔期的投入品', 'No input with a safety interval was applied');
  const safeFrom = (i: (typeof inputs)[number]) => ms(i.appliedAt) + i.safetyIntervalDays * DAY_MS;
  if (facts.harvests.length === 0) {
    const due = isoOf(Math.max(...inputs.map(safeFrom)));
    return result(
      name,
      'pending',
      `尚未采收；${chinaTimeOf(due)}起方可采收`,
      `Not harvested yet; harvest allowed from ${chinaTimeOf(due)} (UTC+8)`,
      inputs.map((i) => i.eventId),
    );
  }
  for (const h of facts.harvests) {
    for (const i of inputs) {
      if (ms(i.appliedAt) <= ms(h.harvestedAt) && ms(h.harvestedAt) < safeFrom(i)) {
        const days = Math.round(((ms(h.harvestedAt) - ms(i.appliedAt)) / DAY_MS) * 10) / 10;
        return result(
          name,
          'violated',
          `施用${i.name}后${days}天即采收，安全间隔期为${i.safetyIntervalDays}天`,
          `Harvested ${days} days after applying ${i.name}; its safety interval is ${i.safetyIntervalDays} days`,
          [i.eventId, h.eventId],
          { input: i.name, safetyIntervalDays: i.safetyIntervalDays, daysBeforeHarvest: days },
        );
      }
    }
  }
  return result(name, 'met', '采收均在安全间隔期之后', 'Every harvest came after the safety intervals', [
    ...inputs.map((i) => i.eventId),
    ...facts.harvests.map((h) => h.eventId),
  ]);
}

const CERTIFICATE_NAMES: Record<string, [string, string]> = {
  compliance_certificate: ['承诺达标合格证', 'compliance certificate'],
  green_food: ['绿色食品证书', 'green food certificate'],
  organic: ['有机产品证书', 'organic certificate'],
  geographical_indication: ['地理标志', 'geographical indication'],
};

/**
 * 承诺达标合格证 (and the certifications the standard adds) held, and valid, when the goods
 * leave: on record before the first dispatch was recorded. One recorded later does not make
 * the goods that left certified, whatever issue date it states.
 */
export function evaluateCertificates(facts: BatchFacts, rule: CertificatesRule): RuleResult {
  const name = 'certificates';
  const dispatch = facts.firstDispatch;
  // Held after a failed safety test before the goods left: the promise of its certificate no longer stands.
  if (!dispatch && facts.held?.length) {
    return result(
      name,
      'pending',
      '承诺达标合格证已撤回：批次安全检测不合格，暂停销售',
      'The compliance certificate is withdrawn: the batch is held after a failed safety test',
      facts.certificate ? [facts.certificate.eventId] : [],
      { held: facts.held },
    );
  }
  const missing: string[] = [];
  const late: { kind: string; eventId: string }[] = [];
  const ids: string[] = [];
  for (const kind of rule.required) {
    const ofKind: { eventId: string; position: number; validUntil?: string }[] =
      kind === 'compliance_certificate'
        ? facts.certificate
          ? [facts.certificate]
          : []
        : facts.certifications.filter((c) => c.kind === kind);
    const heldOfKind = ofKind.filter((c) => !dispatch || c.position < dispatch.position);
    // A renewed certification stands beside the expired one: the one valid at dispatch (or now) counts.
    const at = dispatch?.at ?? facts.asOf;
    const held = heldOfKind.find((c) => !c.validUntil || ms(c.validUntil) >= ms(at)) ?? heldOfKind[0];
    if (!held) {
      missing.push(kind);
      late.push(...ofKind.map((c) => ({ kind, eventId: c.eventId })));
      continue;
    }
    if (held.validUntil && ms(held.validUntil) < ms(at)) {
      const [zh, en] = CERTIFICATE_NAMES[kind];
      return result(name, 'violated', `${zh}已于${held.validUntil}过期`, `The ${en} expired on ${held.validUntil}`, [held.eventId], {
        kind,
        validUntil: held.validUntil,
      });
    }
    ids.push(held.eventId);
  }
  if (missing.length === 0) {
    return result(name, 'met', '所需证书齐全', 'Every required certificate is held', ids);
  }
  const [zh, en] = names(missing);
  if (dispatch) {
    if (late.length === 0) {
      return result(name, 'violated', `发货时缺少${zh}`, `Dispatched without the ${en}`, [dispatch.eventId], { missing });
    }
    const recordedAfterDispatch = [...new Set(late.map((l) => l.kind))];
    const [lateZh, lateEn] = names(recordedAfterDispatch);
    return result(
      name,
      'violated',
      `发货时缺少${zh}（${lateZh}在发货之后才登记）`,
      `Dispatched without the ${en} (the ${lateEn} recorded only after dispatch)`,
      [dispatch.eventId, ...late.map((l) => l.eventId)],
      { missing, recordedAfterDispatch },
    );
  }
  return result(name, 'pending', `发货前须出具${zh}`, `The ${en} must be issued before dispatch`, ids, { missing });
}

/** Certificate kinds by name, in Chinese and in English. */
function names(kinds: readonly string[]): [string, string] {
  return [kinds.map((k) => CERTIFICATE_NAMES[k][0]).join('、'), kinds.map((k) => CERTIFICATE_NAMES[k][1]).join(', ')];
}

/** From harvest to packing within the hours the standard allows, counted from the first harvest. */
export function evaluateHarvestToPacking(facts: BatchFacts, rule: MaxHoursRule): RuleResult {
  const name = 'harvestToPacking';
  const [since, sinceEn] = startOfClock(facts);
  if (facts.harvests.length === 0) return result(name, 'pending', '尚未采收', 'Not harvested yet');
  const first = facts.harvests.reduce((a, b) => (ms(a.harvestedAt) <= ms(b.harvestedAt) ? a : b));
  const deadline = ms(first.harvestedAt) + rule.maxHours * HOUR_MS;
  const late = facts.packings.find((p) => ms(p.packedAt) > deadline);
  if (late) {
    const h = hours(ms(late.packedAt) - ms(first.harvestedAt));
    return result(
      name,
      'violated',
      `${since}${h}小时才包装，标准要求${rule.maxHours}小时内`,
      `Packed ${h} h after ${sinceEn}; the standard allows ${rule.maxHours} h`,
      [first.eventId, late.eventId],
      { hours: h, maxHours: rule.maxHours },
    );
  }
  if (facts.packings.length > 0) {
    const h = hours(Math.max(...facts.packings.map((p) => ms(p.packedAt))) - ms(first.harvestedAt));
    return result(
      name,
      'met',
      `${since}${h}小时内包装`,
      `Packed within ${h} h of ${sinceEn}`,
      [first.eventId, ...facts.packings.map((p) => p.eventId)],
      { hours: h },
    );
  }
  if (ms(facts.asOf) > deadline) {
    return result(name, 'violated', `${since}${rule.maxHours}小时内未包装`, `Not packed within ${rule.maxHours} h of ${sinceEn}`, [
      first.eventId,
    ]);
  }
  return result(
    name,
    'pending',
    `须在${chinaTimeOf(deadline)}前包装`,
    `Packing due by ${chinaTimeOf(deadline)} (UTC+8)`,
    [first.eventId],
    undefined,
    isoOf(deadline),
  );
}

const FIELD_NAMES: Record<RequiredDataField, [string, string]> = {
  origin_plot: ['产地地块', 'origin plot'],
  harvest_time: ['采收时间', 'harvest time'],
  harvest_quantity: ['采收数量', 'harvest quantity'],
  net_weight: ['净含量', 'net weight'],
  grade: ['等级', 'grade'],
  packing_facility: ['包装场所', 'packing facility'],
  certificate_contact: ['合格证联系方式', 'contact on the certificate'],
};

/** The data the standard wants on record, there before the goods leave. */
export function evaluateRequiredData(facts: BatchFacts, rule: RequiredDataRule): RuleResult {
  const name = 'requiredData';
  // A processed lot's origin and harvests are those of the lots its goods first came from, every one of them.
  const roots: Pick<BatchFacts, 'farmPlotId' | 'households' | 'harvests'>[] = facts.inputIds?.length ? rootLots(facts) : [facts];
  const present: Record<RequiredDataField, boolean> = {
    origin_plot: roots.length > 0 && roots.every((r) => !!r.farmPlotId || !!r.households?.length),
    harvest_time: roots.length > 0 && roots.every((r) => r.harvests.length > 0),
    harvest_quantity: roots.length > 0 && roots.every((r) => r.harvests.some((h) => h.quantity.value > 0)),
    net_weight: facts.packings.length > 0 && facts.packings.every((p) => !p.netWeightMissing),
    grade: facts.gradings.length > 0,
    packing_facility: facts.packings.length > 0 && facts.packings.every((p) => !!p.facilityId),
    certificate_contact: !!facts.certificate?.hasContact,
  };
  const missing = rule.fields.filter((f) => !present[f]);
  if (missing.length === 0) return result(name, 'met', '所需数据齐全', 'All the required data is on record');
  const zh = missing.map((f) => FIELD_NAMES[f][0]).join('、');
  const en = missing.map((f) => FIELD_NAMES[f][1]).join(', ');
  if (facts.firstDispatch) {
    return result(name, 'violated', `发货时缺少：${zh}`, `Dispatched without: ${en}`, [facts.firstDispatch.eventId], { missing });
  }
  return result(name, 'pending', `尚缺：${zh}`, `Still missing: ${en}`, [], { missing });
}
