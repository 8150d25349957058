import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@suyuan/platform/nest';
import { SaleHoldView } from './holds.views';

/** The unit a hold names, as the caller names it: exactly one of a lot (batch), a carton or an item's code. */
export interface UnitRef {
  batchId?: string;
  cartonId?: string;
  code?: string;
}

export type HoldInput = { type: 'HoldUnit'; unit: UnitRef; reason: string } | { type: 'ReleaseUnit'; unit: UnitRef; reason?: string };

export class HoldWrite extends Command<SaleHoldView> {
  constructor(
    readonly ctx: CommandContext,
    readonly input: HoldInput,
  ) {
    super();
  }
}
