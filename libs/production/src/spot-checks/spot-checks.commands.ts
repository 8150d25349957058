import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@suyuan/platform/nest';
import { RecordSampling, RecordSpotCheckResult } from '../domain/spot-check.decider';
import { SpotCheckView } from './spot-checks.views';

type Asked<C> = Omit<C, 'type' | 'actor' | 'now'>;

export type SpotCheckInput =
  | ({ type: 'RecordSampling' } & Omit<Asked<RecordSampling>, 'spotCheckId' | 'inJurisdiction' | 'unknownUnits'>)
  | ({ type: 'RecordSpotCheckResult' } & Asked<RecordSpotCheckResult>);

export class SpotCheckWrite extends Command<SpotCheckView> {
  constructor(
    readonly ctx: CommandContext,
    readonly input: SpotCheckInput,
  ) {
    super();
  }
}
