import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { BatchCommands } from './batch-context';
import { BatchAnswers, BatchCommandInput, BatchWrite } from './batch.commands';
import { issueCertificate, recordCertification } from './certificates';
import { acceptHandover, endHandover, handOver } from './handovers';
import { packBatch } from './packing';
import { recordFarmInput, recordGrading, recordHarvest, recordPreCooling, recordQualityTest } from './production-steps';
import { registerBatch } from './registration';
import { voidItemCode } from './void-code';

/** Every command on a batch's stream, from its registration to its hand-overs. */
@CommandHandler(BatchWrite)
export class BatchCommandHandler implements ICommandHandler<BatchWrite> {
  constructor(private readonly batches: BatchCommands) {}

  execute({ ctx, input }: BatchWrite): Promise<BatchAnswers[BatchCommandInput['type']]> {
    switch (input.type) {
      case 'RegisterBatch':
        return registerBatch(this.batches, ctx, input);
      case 'RecordFarmInput':
        return recordFarmInput(this.batches, ctx, input);
      case 'RecordHarvest':
        return recordHarvest(this.batches, ctx, input);
      case 'RecordPreCooling':
        return recordPreCooling(this.batches, ctx, input);
      case 'RecordQualityTest':
        return recordQualityTest(this.batches, ctx, input);
      case 'RecordGrading':
        return recordGrading(this.batches, ctx, input);
      case 'PackBatch':
        return packBatch(this.batches, ctx, input);
      case 'VoidItemCode':
        return voidItemCode(this.batches, ctx, input);
      case 'IssueComplianceCertificate':
        return issueCertificate(this.batches, ctx, input);
      case 'RecordCertification':
        return recordCertification(this.batches, ctx, input);
      case 'HandOverBatch':
        return handOver(this.batches, ctx, input);
      case 'AcceptHandover':
        return acceptHandover(this.batches, ctx, input);
      case 'EndHandover':
        return endHandover(this.batches, ctx, input);
    }
  }
}
