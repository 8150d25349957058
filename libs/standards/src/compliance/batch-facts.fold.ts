import { StoredDomainEvent } from '@suyuan/core';
import {
  BatchEvent,
  BatchHandedOver,
  BatchHandoverAccepted,
  BatchHandoverEnded,
  BatchInputConsumed,
  BatchInputReserved,
  BatchPurchaseRecorded,
  BatchRegistered,
  BatchReservationReleased,
  ItemCodeVoided,
  LotRecalled,
  UnitHeld,
  UnitHoldReleased,
} from '@suyuan/production';
import { BatchFacts } from '../evaluation/batch-facts';

/**
 * Batch steps after registration that add to the facts the rules are judged on. Hand-overs
 * are not among them: custody changes no rule; nor is a sale of the lot as it is (收购 from a
 * batch), which stays judged on its own record; nor a voided label, whose item is judged as before;
 * nor a regulator's hold or a recall, which stop the goods' sale without changing what they are judged on.
 */
export type JudgedBatchStep = Exclude<
  BatchEvent,
  | BatchRegistered
  | BatchHandedOver
  | BatchHandoverAccepted
  | BatchHandoverEnded
  | BatchPurchaseRecorded
  | BatchInputReserved
  | BatchInputConsumed
  | BatchReservationReleased
  | ItemCodeVoided
  | UnitHeld
  | UnitHoldReleased
  | LotRecalled
>;

/** Adds what a batch event establishes to the batch's facts; pure. */
export function foldFact(facts: BatchFacts, event: StoredDomainEvent<JudgedBatchStep>): BatchFacts {
  const id = event.id;
  switch (event.type) {
    case 'FarmInputApplied': {
      const d = event.data;
      return {
        ...facts,
        inputs: [
          ...facts.inputs,
          { eventId: id, name: d.inputName, kind: d.kind, appliedAt: d.appliedAt, safetyIntervalDays: d.safetyIntervalDays },
        ],
      };
    }
    case 'BatchHarvested': {
      const d = event.data;
      return { ...facts, harvests: [...facts.harvests, { eventId: id, harvestedAt: d.harvestedAt, quantity: d.quantity }] };
    }
    case 'BatchProduced': {
      // A lot made by a transformation is "harvested" when it is made: a slaughter starts the
      // chilled bird's pre-cooling clock. What it was made from is added by the projection.
      const d = event.data;
      return { ...facts, harvests: [...facts.harvests, { eventId: id, harvestedAt: d.producedAt, quantity: d.quantity }] };
    }
    case 'BatchPurchasedFromHousehold': {
      // A household's declared harvest is the bought-in goods' harvest; without one, none is known.
      const d = event.data;
      const households = [...new Set([...(facts.households ?? []), d.personId])];
      if (d.harvestedAt === undefined) return { ...facts, households };
      return { ...facts, households, harvests: [...facts.harvests, { eventId: id, harvestedAt: d.harvestedAt, quantity: d.quantity }] };
    }
    case 'BatchPreCooled': {
      const d = event.data;
      return {
        ...facts,
        preCoolings: [
          ...facts.preCoolings,
          { eventId: id, startedAt: d.startedAt, endedAt: d.endedAt, coreTemperatureC: d.coreTemperatureC },
        ],
      };
    }
    case 'QualityTestRecorded': {
      const d = event.data;
      const test = {
        eventId: id,
        method: d.method,
        ...(d.analyte !== undefined && { analyte: d.analyte }),
        testedAt: d.testedAt,
        value: d.value,
        threshold: d.threshold,
        passed: d.passed,
      };
      return { ...facts, tests: [...facts.tests, test] };
    }
    case 'BatchGraded': {
      const d = event.data;
      const classes = d.classes.map((c) => ({
        grade: c.grade,
        attributes: c.attributes,
        ...(c.belowGradePct !== undefined && { belowGradePct: c.belowGradePct }),
      }));
      return { ...facts, gradings: [...facts.gradings, { eventId: id, gradedAt: d.gradedAt, classes }] };
    }
    case 'BatchPacked': {
      const d = event.data;
      const packing = {
        eventId: id,
        packedAt: d.packedAt,
        facilityId: d.facilityId,
        grades: [...new Set(d.items.map((i) => i.grade))],
        netWeightMissing: d.items.some((i) => !i.netWeight || !(i.netWeight.value > 0)),
      };
      return { ...facts, packings: [...facts.packings, packing] };
    }
    case 'ComplianceCertificateIssued': {
      const d = event.data;
      return { ...facts, certificate: { eventId: id, position: event.position, issuedAt: d.issuedAt, hasContact: !!d.contactPhone } };
    }
    case 'BatchCertificationRecorded': {
      const d = event.data;
      return {
        ...facts,
        certifications: [
          ...facts.certifications,
          { eventId: id, position: event.position, kind: d.kind, ...(d.validUntil !== undefined && { validUntil: d.validUntil }) },
        ],
      };
    }
    case 'BatchHeld': {
      const { family } = event.data;
      return { ...facts, held: [...new Set([...(facts.held ?? []), family])] };
    }
    case 'BatchHoldLifted': {
      const { family } = event.data;
      const held = (facts.held ?? []).filter((f) => f !== family);
      const { held: _held, ...rest } = facts;
      return held.length > 0 ? { ...rest, held } : rest;
    }
    default: {
      const unknown: never = event;
      throw new Error(`Not a judged batch step: ${JSON.stringify(unknown)}`);
    }
  }
}
