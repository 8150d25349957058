import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { HoldWrite } from './holds.commands';
import { SaleHoldView } from './holds.views';
import { UnitHolds } from './unit-holds';

@CommandHandler(HoldWrite)
export class HoldsHandler implements ICommandHandler<HoldWrite> {
  constructor(private readonly holds: UnitHolds) {}

  execute({ ctx, input }: HoldWrite): Promise<SaleHoldView> {
    return this.holds.apply(ctx, input);
  }
}
