import { Actor, conflict, Decider, FacilityRef, forbidden, invalid, parsePastTime, requireNotBefore } from '@suyuan/core';
import { ProcessStep, TransformationEvent, TransformationInput, TransformationOutput } from './events';

const MAX_STEPS = 30;
const MAX_PARAMETERS = 20;
const NAME = /^[\p{L}\p{N}][\p{L}\p{N} _\-·()（）]{0,39}$/u;

/** Records a transformation once every input lot has accepted its reservation (the process manager's last step). */
export interface RecordTransformation {
  type: 'RecordTransformation';
  actor: Actor;
  now: string;
  transformationId: string;
  plant: FacilityRef;
  process: string;
  startedAt: string;
  endedAt: string;
  steps: ProcessStep[];
  inputs: TransformationInput[];
  outputs: TransformationOutput[];
  quarantineCertificateNo?: string;
}

export interface TransformationState {
  recorded: boolean;
}

/** One stream per transformation: what a processor made from what, where and how. */
export const transformationDecider: Decider<RecordTransformation, TransformationEvent, TransformationState> = {
  initialState: () => ({ recorded: false }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'TransformationRecorded':
        return { recorded: true };
      default: {
        const unknown: never = event.type;
        throw new Error(`Unknown transformation event: ${unknown}`);
      }
    }
  },
  decide: (command, state) => {
    if (state.recorded) throw conflict('transformation_exists', `Transformation ${command.transformationId} is already recorded`);
    checkTransformation(command);
    const { transformationId, actor, plant, process, startedAt, endedAt, steps, inputs, outputs, quarantineCertificateNo } = command;
    const yieldPct = yieldOf(inputs, outputs);
    return [
      {
        type: 'TransformationRecorded',
        data: {
          transformationId,
          processorId: actor.organizationId,
          plantId: plant.id,
          process,
          startedAt,
          endedAt,
          steps,
          inputs,
          outputs,
          ...(quarantineCertificateNo !== undefined && { quarantineCertificateNo }),
          ...(yieldPct !== undefined && { yieldPct }),
        },
      },
    ];
  },
};

/**
 * Everything about the transformation that its own record can judge; the input lots judge
 * what is theirs (custody, what remains, harvest times) when they accept their reservations.
 * The process manager runs this before reserving anything, so bad input writes nothing.
 */
export function checkTransformation(command: RecordTransformation): void {
  const { actor, now, plant, process, startedAt, endedAt, steps, inputs, outputs, quarantineCertificateNo } = command;
  if (actor.role !== 'processor') throw forbidden('role_not_allowed', 'Only a processor (加工企业 or purchaser) records transformations');
  if (plant.ownerId !== actor.organizationId)
    throw forbidden('facility_not_owned', `Plant ${plant.id} does not belong to the acting organization`);
  if (plant.type !== 'processing_plant') {
    throw invalid('wrong_facility_type', `Processing happens at a processing_plant; facility ${plant.id} is a ${plant.type}`, {
      field: 'plantId',
    });
  }
  if (typeof process !== 'string' || !NAME.test(process)) {
    throw invalid('invalid_process', 'process names the kind of processing (e.g. tea_processing, slaughter), up to 40 characters', {
      field: 'process',
    });
  }
  const started = parsePastTime('startedAt', startedAt, now);
  const ended = parsePastTime('endedAt', endedAt, now);
  requireNotBefore('endedAt', ended, { ms: started, what: 'the start of the transformation', code: 'ended_before_started' });
  checkSteps(steps, started, ended, now);
  if (inputs.length === 0) throw invalid('no_inputs', 'A transformation consumes at least one input lot', { field: 'inputs' });
  if (outputs.length === 0) throw invalid('no_outputs', 'A transformation produces at least one output lot', { field: 'outputs' });
  const livestock = inputs.some((input) => input.quantity.unit === 'head');
  if (livestock && !quarantineCertificateNo?.trim()) {
    throw invalid('quarantine_certificate_required', 'Live animals are taken in with their 动物检疫合格证明: give its number', {
      field: 'quarantineCertificateNo',
    });
  }
}

function checkSteps(steps: ProcessStep[], started: number, ended: number, now: string): void {
  if (!Array.isArray(steps) || steps.length > MAX_STEPS)
    throw invalid('invalid_steps', `steps is a list of at most ${MAX_STEPS} process steps`, { field: 'steps' });
  steps.forEach((step, i) => {
    const field = `steps.${i}`;
    if (typeof step?.name !== 'string' || !NAME.test(step.name)) {
      throw invalid('invalid_step', `${field}.name names the step (杀青, 揉捻, 烘干, 屠宰), up to 40 characters`, {
        field: `${field}.name`,
      });
    }
    const parameters = Object.entries(step.parameters ?? {});
    if (parameters.length > MAX_PARAMETERS)
      throw invalid('invalid_step', `${field} has more than ${MAX_PARAMETERS} parameters`, { field: `${field}.parameters` });
    for (const [name, value] of parameters) {
      const ok = (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && value.length <= 100);
      if (!NAME.test(name) || !ok) {
        throw invalid('invalid_step', `${field}.parameters.${name} must be a finite number or a short text`, {
          field: `${field}.parameters.${name}`,
        });
      }
    }
    for (const key of ['startedAt', 'endedAt'] as const) {
      if (step[key] === undefined) continue;
      const ms = parsePastTime(`${field}.${key}`, step[key], now);
      if (ms < started || ms > ended) {
        throw invalid('step_outside_transformation', `${field}.${key} falls outside the transformation's start and end`, {
          field: `${field}.${key}`,
        });
      }
    }
  });
}

/** Outputs' weight over inputs' weight in %, when every input and output is known by weight. */
export function yieldOf(inputs: TransformationInput[], outputs: TransformationOutput[]): number | undefined {
  const weights = (list: { weightKg?: number }[]) =>
    list.every((x) => x.weightKg !== undefined) ? list.reduce((sum, x) => sum + x.weightKg!, 0) : undefined;
  const inKg = weights(inputs);
  const outKg = weights(outputs);
  if (inKg === undefined || outKg === undefined || inKg <= 0) return undefined;
  return Math.round((outKg / inKg) * 10_000) / 100;
}
