import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomBytes } from 'node:crypto';
import { notFound } from '@suyuan/core';
import { CommandContext, newId } from '@suyuan/platform/nest';
import { optionalUtc, utc } from '@suyuan/platform';
import { OrganizationView, ProductView } from '@suyuan/registry';
import { CertificateDto, CertificationDto, FarmInputDto, GradingDto, HarvestDto, PreCoolingDto, QualityTestDto, RegisterBatchDto } from '../http/batch.dto';
import { BatchView } from '../batch.views';
import { batchDecider } from '../domain/batch.decider';
import { RegisterBatch } from '../domain/commands';
import { BatchCommands, measuredAttributes } from './batch-context';

export class RegisterBatchCommand {
  constructor(readonly ctx: CommandContext, readonly body: RegisterBatchDto) {}
}
export class RecordFarmInputCommand {
  constructor(readonly ctx: CommandContext, readonly batchId: string, readonly body: FarmInputDto) {}
}
export class RecordHarvestCommand {
  constructor(readonly ctx: CommandContext, readonly batchId: string, readonly body: HarvestDto) {}
}
export class RecordPreCoolingCommand {
  constructor(readonly ctx: CommandContext, readonly batchId: string, readonly body: PreCoolingDto) {}
}
export class RecordQualityTestCommand {
  constructor(readonly ctx: CommandContext, readonly batchId: string, readonly body: QualityTestDto) {}
}
export class RecordGradingCommand {
  constructor(readonly ctx: CommandContext, readonly batchId: string, readonly body: GradingDto) {}
}
export class RecordCertificationCommand {
  constructor(readonly ctx: CommandContext, readonly batchId: string, readonly body: CertificationDto) {}
}
export class IssueCertificateCommand {
  constructor(readonly ctx: CommandContext, readonly batchId: string, readonly body: CertificateDto) {}
}

@CommandHandler(RegisterBatchCommand)
export class RegisterBatchHandler implements ICommandHandler<RegisterBatchCommand, BatchView> {
  constructor(private readonly batches: BatchCommands) {}

  async execute({ ctx, body }: RegisterBatchCommand): Promise<BatchView> {
    const product = await this.batches.docs.get<ProductView>('products', body.productId);
    if (!product) throw notFound('product_not_found', `no product ${body.productId}`);
    const farmPlot = await this.batches.facility(body.farmPlotId);
    const batchId = newId('B', ctx);
    const register: RegisterBatch = {
      type: 'RegisterBatch',
      actor: ctx.actor,
      batchId,
      lotCode: body.lotCode ?? batchId,
      product: { id: product.id, nameZh: product.nameZh, grades: product.grades },
      farmPlot,
      plannedQuantity: body.plannedQuantity && { ...body.plannedQuantity },
    };
    // Checked before the lot code is claimed, so that a refused registration claims nothing.
    batchDecider.decide(register, batchDecider.initialState());
    // A minted lot code is the batch's own id: unique without a claim.
    if (body.lotCode !== undefined) {
      await this.batches.reserveLotCode({ productId: product.id, organizationId: ctx.actor.organizationId, lotCode: body.lotCode, batchId, now: this.batches.now() }, ctx);
    }
    await this.batches.run(batchId, register, { ...ctx, facilityId: farmPlot.id });
    return this.batches.batch(batchId);
  }
}

@CommandHandler(RecordFarmInputCommand)
export class RecordFarmInputHandler implements ICommandHandler<RecordFarmInputCommand, BatchView> {
  constructor(private readonly batches: BatchCommands) {}

  async execute({ ctx, batchId, body }: RecordFarmInputCommand): Promise<BatchView> {
    const appliedAt = utc(body.appliedAt, 'appliedAt');
    await this.batches.run(batchId, {
      type: 'RecordFarmInput',
      actor: ctx.actor,
      now: this.batches.now(),
      inputId: newId('IN', ctx, batchId),
      ...body,
      dose: { ...body.dose },
      appliedAt,
    }, { ...ctx, occurredAt: appliedAt });
    return this.batches.batch(batchId);
  }
}

@CommandHandler(RecordHarvestCommand)
export class RecordHarvestHandler implements ICommandHandler<RecordHarvestCommand, BatchView> {
  constructor(private readonly batches: BatchCommands) {}

  async execute({ ctx, batchId, body }: RecordHarvestCommand): Promise<BatchView> {
    const harvestedAt = utc(body.harvestedAt, 'harvestedAt');
    await this.batches.run(batchId, {
      type: 'RecordHarvest',
      actor: ctx.actor,
      now: this.batches.now(),
      harvestId: newId('H', ctx, batchId),
      harvestedAt,
      quantity: { ...body.quantity },
    }, { ...ctx, occurredAt: harvestedAt });
    return this.batches.batch(batchId);
  }
}

@CommandHandler(RecordPreCoolingCommand)
export class RecordPreCoolingHandler implements ICommandHandler<RecordPreCoolingCommand, BatchView> {
  constructor(private readonly batches: BatchCommands) {}

  async execute({ ctx, batchId, body }: RecordPreCoolingCommand): Promise<BatchView> {
    const facility = await this.batches.facility(body.facilityId);
    const startedAt = utc(body.startedAt, 'startedAt');
    await this.batches.run(batchId, {
      type: 'RecordPreCooling',
      actor: ctx.actor,
      now: this.batches.now(),
      facility,
      startedAt,
      endedAt: utc(body.endedAt, 'endedAt'),
      coreTemperatureC: body.coreTemperatureC,
    }, { ...ctx, facilityId: facility.id, occurredAt: startedAt });
    return this.batches.batch(batchId);
  }
}

@CommandHandler(RecordQualityTestCommand)
export class RecordQualityTestHandler implements ICommandHandler<RecordQualityTestCommand, BatchView> {
  constructor(private readonly batches: BatchCommands) {}

  async execute({ ctx, batchId, body }: RecordQualityTestCommand): Promise<BatchView> {
    const facility = body.facilityId ? await this.batches.facility(body.facilityId) : undefined;
    const testedAt = utc(body.testedAt, 'testedAt');
    await this.batches.run(batchId, {
      type: 'RecordQualityTest',
      actor: ctx.actor,
      now: this.batches.now(),
      testId: newId('QT', ctx, batchId),
      facility,
      method: body.method,
      standardRef: body.standardRef,
      analyte: body.analyte,
      sampleId: body.sampleId,
      testedAt,
      value: body.value,
      unit: body.unit,
      threshold: body.threshold,
      passed: body.passed,
    }, { ...ctx, facilityId: facility?.id, occurredAt: testedAt });
    return this.batches.batch(batchId);
  }
}

@CommandHandler(RecordGradingCommand)
export class RecordGradingHandler implements ICommandHandler<RecordGradingCommand, BatchView> {
  constructor(private readonly batches: BatchCommands) {}

  async execute({ ctx, batchId, body }: RecordGradingCommand): Promise<BatchView> {
    const facility = await this.batches.facility(body.facilityId);
    const gradedAt = utc(body.gradedAt, 'gradedAt');
    await this.batches.run(batchId, {
      type: 'RecordGrading',
      actor: ctx.actor,
      now: this.batches.now(),
      gradingId: newId('GR', ctx, batchId),
      facility,
      gradedAt,
      classes: body.classes.map((c, i) => ({
        grade: c.grade,
        quantity: { ...c.quantity },
        attributes: measuredAttributes(c.attributes, `classes.${i}.attributes`),
        ...(c.belowGradePct !== undefined && { belowGradePct: c.belowGradePct }),
      })),
    }, { ...ctx, facilityId: facility.id, occurredAt: gradedAt });
    return this.batches.batch(batchId);
  }
}

const PROMISE =
  '我承诺对生产销售的食用农产品：不使用禁用农药兽药、停用兽药和非法添加物，常规农药兽药残留不超标，对承诺的真实性负责。';

/** 承诺达标合格证: the producer's name, origin and product come from the batch record, not the request. */
@CommandHandler(IssueCertificateCommand)
export class IssueCertificateHandler implements ICommandHandler<IssueCertificateCommand, BatchView> {
  constructor(private readonly batches: BatchCommands) {}

  async execute({ ctx, batchId, body }: IssueCertificateCommand): Promise<BatchView> {
    const batch = await this.batches.batch(batchId);
    const producer = await this.batches.docs.get<OrganizationView>('organizations', batch.cooperative.id);
    const r = batch.farmPlot.region;
    const now = this.batches.now();
    const issuedAt = optionalUtc(body.issuedAt, 'issuedAt') ?? now;
    await this.batches.run(batchId, {
      type: 'IssueComplianceCertificate',
      actor: ctx.actor,
      now,
      certificateNo: `HGZ-${batch.lotCode}-${randomBytes(3).toString('hex').toUpperCase()}`,
      productName: batch.product.nameZh,
      quantity: { ...body.quantity },
      producerName: batch.cooperative.name,
      origin: [r.province, r.city, r.county, r.town, r.village].filter(Boolean).join(''),
      contactPhone: body.contactPhone ?? producer?.contactPhone,
      issuedAt,
      promise: PROMISE,
      basis: body.basis,
    }, { ...ctx, occurredAt: issuedAt });
    return this.batches.batch(batchId);
  }
}


@CommandHandler(RecordCertificationCommand)
export class RecordCertificationHandler implements ICommandHandler<RecordCertificationCommand, BatchView> {
  constructor(private readonly batches: BatchCommands) {}

  async execute({ ctx, batchId, body }: RecordCertificationCommand): Promise<BatchView> {
    await this.batches.run(batchId, {
      type: 'RecordCertification',
      actor: ctx.actor,
      now: this.batches.now(),
      kind: body.kind,
      certificateNo: body.certificateNo,
      issuedBy: body.issuedBy,
      validUntil: optionalUtc(body.validUntil, 'validUntil'),
    }, ctx);
    return this.batches.batch(batchId);
  }
}
