import { Actor, Decider, DomainEvent, conflict, forbidden, invalid, notFound, parsePastTime, requireNotBefore } from '@suyuan/core';

/** What a regulator took samples of: the lot as a whole, or named cartons or items of it. */
export interface SampledUnits {
  cartonIds?: string[];
  codes?: string[];
}

/**
 * 抽检: a market regulator's inspectors take samples of a lot (where, which units, by whom, when)
 * for a testing lab; one stream per spot check, its id the regulator's.
 */
export type SpotCheckSampled = DomainEvent<
  'SpotCheckSampled',
  {
    spotCheckId: string;
    batchId: string;
    regulatorId: string;
    units?: SampledUnits;
    /** Where the samples were taken: a facility of the chain, and in words (a market stall, a shop). */
    facilityId?: string;
    place: string;
    /** The inspectors, as they sign the sampling record (抽样单). */
    sampledBy: string;
    sampledAt: string;
    /** The lab the samples go to; absent: any testing lab may record the result. */
    labId?: string;
    sampleId?: string;
  }
>;

/** The lab's result against the sampling; a failure holds the lot (the hold is on the batch's stream). */
export type SpotCheckResultRecorded = DomainEvent<
  'SpotCheckResultRecorded',
  {
    spotCheckId: string;
    batchId: string;
    labId: string;
    passed: boolean;
    testedAt: string;
    standardRef?: string;
    analyte?: string;
    value?: number;
    unit?: string;
    threshold?: number;
    note?: string;
  }
>;

export type SpotCheckEvent = SpotCheckSampled | SpotCheckResultRecorded;

export interface RecordSampling extends Omit<SpotCheckSampled['data'], 'regulatorId'> {
  type: 'RecordSampling';
  actor: Actor;
  now: string;
  /** The lot's place of origin is under the acting regulator. */
  inJurisdiction: boolean;
  /** Named cartons or codes the lot never packed. */
  unknownUnits: string[];
}

export interface RecordSpotCheckResult extends Omit<SpotCheckResultRecorded['data'], 'labId' | 'batchId'> {
  type: 'RecordSpotCheckResult';
  actor: Actor;
  now: string;
}

export type SpotCheckCommand = RecordSampling | RecordSpotCheckResult;

export interface SpotCheckState {
  sampling?: SpotCheckSampled['data'];
  result?: SpotCheckResultRecorded['data'];
}

export const spotCheckStream = (id: string) => `spotcheck-${id}`;

function requireText(field: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim().length === 0) throw invalid('text_required', `${field} must be said in words`, { field });
}

function recordSampling(command: RecordSampling, state: SpotCheckState): SpotCheckEvent[] {
  const { type: _type, actor, now, inJurisdiction, unknownUnits, ...data } = command;
  if (actor.role !== 'regulator' && actor.role !== 'admin') {
    throw forbidden('not_a_regulator', `Only a market regulator takes samples for a spot check (抽检); your key acts as ${actor.role}`);
  }
  if (actor.role === 'regulator' && !inJurisdiction) {
    throw forbidden('outside_jurisdiction', `Lot ${data.batchId} comes from outside your jurisdiction`);
  }
  if (state.sampling) throw conflict('spot_check_exists', `Spot check ${data.spotCheckId} is already recorded`);
  if (unknownUnits.length > 0) {
    throw notFound('unit_not_found', `Lot ${data.batchId} packed no ${unknownUnits.join(', ')}`, { units: unknownUnits });
  }
  requireText('place', data.place);
  requireText('sampledBy', data.sampledBy);
  parsePastTime('sampledAt', data.sampledAt, now);
  return [{ type: 'SpotCheckSampled', data: { ...data, regulatorId: actor.organizationId } }];
}

function recordResult(command: RecordSpotCheckResult, state: SpotCheckState): SpotCheckEvent[] {
  const { type: _type, actor, now, ...result } = command;
  const { sampling } = state;
  if (!sampling) throw notFound('spot_check_not_found', `No spot check ${result.spotCheckId}`);
  if (actor.role !== 'testing_lab')
    throw forbidden('not_a_lab', `A testing lab records a spot check's result; your key acts as ${actor.role}`);
  if (sampling.labId !== undefined && sampling.labId !== actor.organizationId) {
    throw forbidden('not_the_sampling_lab', `The samples of spot check ${sampling.spotCheckId} went to lab ${sampling.labId}`);
  }
  if (state.result) throw conflict('result_exists', `Spot check ${sampling.spotCheckId} already has its result`);
  if (typeof result.passed !== 'boolean') throw invalid('passed_required', 'Say whether the samples passed', { field: 'passed' });
  const tested = parsePastTime('testedAt', result.testedAt, now);
  requireNotBefore('testedAt', tested, { ms: Date.parse(sampling.sampledAt), what: 'the sampling', code: 'before_sampling' });
  return [{ type: 'SpotCheckResultRecorded', data: { ...result, batchId: sampling.batchId, labId: actor.organizationId } }];
}

export const spotCheckDecider: Decider<SpotCheckCommand, SpotCheckEvent, SpotCheckState> = {
  initialState: () => ({}),
  evolve: (state, event) => (event.type === 'SpotCheckSampled' ? { ...state, sampling: event.data } : { ...state, result: event.data }),
  decide: (command, state) => (command.type === 'RecordSampling' ? recordSampling(command, state) : recordResult(command, state)),
};
