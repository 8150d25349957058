import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@suyuan/platform/nest';
import { Disposition, RecallClass, RecallScope } from '../domain/events';
import { RecallView } from '../recall.views';

/*
 * What a caller asks: the domain's commands without the actor and the clock, naming lots,
 * facilities and cartons by id (the handler resolves them). Times are as sent: the handler
 * reads them, naming the field that is wrong.
 */
export type RecallCommandInput =
  | { type: 'OpenRecall'; class: RecallClass; reason: string; scope: RecallScope; riskKnownAt?: string }
  | {
      type: 'DisposeUnits';
      recallId: string;
      disposition: Disposition;
      facilityId: string;
      cartonIds?: string[];
      lotId?: string;
      items?: number;
      note?: string;
      disposedAt?: string;
    }
  | { type: 'CloseRecall'; recallId: string; report: string };

export class RecallWrite extends Command<RecallView> {
  constructor(
    readonly ctx: CommandContext,
    readonly input: RecallCommandInput,
  ) {
    super();
  }
}
