import { Inject, Injectable } from '@nestjs/common';
import { Actor, DomainError, invalid, notFound, utc } from '@suyuan/core';
import { CartonView } from '@suyuan/logistics';
import { CommandContext, newId, StreamExecutor } from '@suyuan/platform/nest';
import { BatchInputReserved, BatchView, ConsumeInput, ReleaseInput, ReserveInput, inBaseUnit, toBaseUnit } from '@suyuan/production';
import { BatchCommands } from '@suyuan/production/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { FacilityView, ProductView } from '@suyuan/registry';
import { TransformationInput, TransformationOutput } from '../domain/events';
import { checkTransformation, RecordTransformation, transformationDecider } from '../domain/transformation.decider';
import { ancestorsOf } from './ancestors';
import { InputRequest, OutputRequest, TransformationRequest } from './transformation.request';

export const transformationStream = (id: string) => `transformation-${id}`;

const MAX_INPUTS = 200;
const MAX_OUTPUTS = 20;

/** An output as resolved before anything is written: a new lot (with its minted id) or an existing one. */
interface PlannedOutput {
  batchId: string;
  lotCode: string;
  product: ProductView;
  existing?: BatchView;
  request: OutputRequest;
}

/**
 * The process manager of a transformation. No event store has a transaction across streams, so:
 * 1. everything is checked first — the record, each input lot's reservation and each output's
 *    registration decided on the streams' current states without writing — so bad input writes nothing;
 * 2. each input lot reserves its part on its own stream (race-free: remaining quantity is its state);
 *    if one refuses (a concurrent transformation took it meanwhile), the reservations made are released;
 * 3. the transformation is recorded on its own stream: from here on it happened;
 * 4. the outputs are registered (or topped up) and the reservations consumed.
 * A crash between 2 and 3 leaves reservations without a transformation: the recovery releases them.
 * A crash after 3 leaves a recorded transformation with steps undone: the recovery finishes them.
 * Every step is idempotent per transformation, so finishing twice changes nothing.
 */
@Injectable()
export class TransformationManager {
  constructor(
    private readonly batches: BatchCommands,
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  async record(ctx: CommandContext, request: TransformationRequest): Promise<string> {
    const { actor } = ctx;
    const now = this.batches.now();
    const startedAt = utc(request.startedAt, 'startedAt');
    const endedAt = utc(request.endedAt, 'endedAt');
    const plant = await this.batches.facility(request.plantId);
    const transformationId = newId('TF', ctx);
    const inputs = await this.resolveInputs(request.inputs);
    const outputs = await this.resolveOutputs(request.outputs, ctx);
    await this.refuseCycles(inputs, outputs);
    const acceptedProducts = accepted(outputs);
    const reservations = await Promise.all(
      request.inputs.map(async (input, i) =>
        this.reserveCommand(actor, now, transformationId, startedAt, input, inputs[i], acceptedProducts),
      ),
    );

    // 1. Decide everything on the current states, writing nothing.
    const planned: TransformationInput[] = [];
    for (const [i, command] of reservations.entries()) {
      const [event] = (await this.atInput(i, () => this.batches.decide(inputs[i].id, command))) as BatchInputReserved[];
      planned.push(inputOf(inputs[i], event.data));
    }
    const record: RecordTransformation = {
      type: 'RecordTransformation',
      actor,
      now,
      transformationId,
      plant,
      process: request.process,
      startedAt,
      endedAt,
      steps: request.steps ?? [],
      inputs: planned,
      outputs: outputs.map(outputOf),
      quarantineCertificateNo: request.quarantineCertificateNo,
    };
    checkTransformation(record);
    for (const [i, output] of outputs.entries())
      await this.batches.decide(output.batchId, this.outputCommand(record, record.outputs[i], output.product));
    for (const output of outputs) {
      if (output.existing || output.request.lotCode === undefined) continue;
      await this.batches.reserveLotCode(
        { productId: output.product.id, organizationId: actor.organizationId, lotCode: output.lotCode, batchId: output.batchId, now },
        ctx,
      );
    }

    // 2. Reserve on each input lot; release what was reserved if one refuses.
    const accepted_: TransformationInput[] = [];
    for (const [i, command] of reservations.entries()) {
      try {
        const { events } = await this.batches.run(inputs[i].id, command, ctx);
        const reserved = events.find((e): e is BatchInputReserved => e.type === 'BatchInputReserved');
        accepted_.push(reserved ? inputOf(inputs[i], reserved.data) : planned[i]);
      } catch (error) {
        await this.release(actor, transformationId, inputs.slice(0, i), error);
        throw this.namedInput(error, i);
      }
    }

    // 3. Record the transformation with what the lots accepted; 4. finish it.
    await this.executor.execute(
      transformationStream(transformationId),
      transformationDecider,
      { ...record, inputs: accepted_ },
      { ...ctx, facilityId: plant.id, occurredAt: endedAt },
    );
    await this.finish(ctx, { ...record, inputs: accepted_ });
    return transformationId;
  }

  /** Step 4: outputs registered or topped up, then every reservation consumed. Idempotent. */
  async finish(ctx: CommandContext, record: RecordTransformation): Promise<void> {
    const outputCtx = { ...ctx, facilityId: record.plant.id, occurredAt: record.endedAt, idempotencyKey: phaseKey(ctx, 'output') };
    for (const output of record.outputs) {
      const state = await this.batches.state(output.batchId);
      if (output.newLot ? state.batch !== undefined : state.supplyIds.has(record.transformationId)) continue;
      const product = await this.docs.get<ProductView>('products', output.productId);
      if (!product) throw notFound('product_not_found', `no product ${output.productId}`);
      await this.batches.run(output.batchId, this.outputCommand(record, output, product), outputCtx);
    }
    const consumeCtx = { ...ctx, idempotencyKey: phaseKey(ctx, 'consume') };
    for (const input of record.inputs) {
      const consume: ConsumeInput = {
        type: 'ConsumeInput',
        actor: ctx.actor,
        now: this.batches.now(),
        transformationId: record.transformationId,
      };
      await this.batches.run(input.batchId, consume, consumeCtx);
    }
  }

  /** Releases the reservations a transformation made on these lots; a lot that has none is skipped. */
  async release(actor: Actor, transformationId: string, lots: { id: string }[], cause: unknown): Promise<void> {
    const reason = cause instanceof DomainError ? `refused: ${cause.code}` : 'transformation_not_recorded';
    for (const lot of lots) {
      const state = await this.batches.state(lot.id);
      if (state.reservations[transformationId]?.status !== 'reserved') continue;
      const command: ReleaseInput = { type: 'ReleaseInput', actor, now: this.batches.now(), transformationId, reason };
      await this.batches.run(lot.id, command, { actor });
    }
  }

  private async resolveInputs(requests: InputRequest[]): Promise<BatchView[]> {
    if (!Array.isArray(requests) || requests.length === 0)
      throw invalid('no_inputs', 'A transformation consumes at least one input lot', { field: 'inputs' });
    if (requests.length > MAX_INPUTS)
      throw invalid('too_many_inputs', `At most ${MAX_INPUTS} input lots per transformation`, { field: 'inputs' });
    const ids = requests.map((r) => r.batchId);
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated)
      throw invalid('duplicate_input', `Lot ${repeated} is listed twice among the inputs: give it once with the total`, {
        field: 'inputs',
      });
    return Promise.all(
      requests.map(async (r, i) => {
        const view = await this.docs.get<BatchView>('batches', r.batchId);
        if (!view)
          throw notFound('batch_not_found', `no lot ${r.batchId} (inputs.${i}.batchId)`, {
            field: `inputs.${i}.batchId`,
            batchId: r.batchId,
          });
        return view;
      }),
    );
  }

  private async resolveOutputs(requests: OutputRequest[], ctx: CommandContext): Promise<PlannedOutput[]> {
    if (!Array.isArray(requests) || requests.length === 0)
      throw invalid('no_outputs', 'A transformation produces at least one output lot', { field: 'outputs' });
    if (requests.length > MAX_OUTPUTS)
      throw invalid('too_many_outputs', `At most ${MAX_OUTPUTS} output lots per transformation`, { field: 'outputs' });
    return Promise.all(
      requests.map(async (request, i) => {
        const field = `outputs.${i}`;
        if ((request.productId === undefined) === (request.batchId === undefined)) {
          throw invalid('invalid_output', `${field} names either a productId (a new lot) or a batchId (an output lot to add to)`, {
            field,
          });
        }
        if (request.batchId !== undefined) {
          const existing = await this.docs.get<BatchView>('batches', request.batchId);
          if (!existing) throw notFound('batch_not_found', `no lot ${request.batchId} (${field}.batchId)`, { field: `${field}.batchId` });
          const product = (await this.docs.get<ProductView>('products', existing.product.id))!;
          return { batchId: existing.id, lotCode: existing.lotCode, product, existing, request };
        }
        const product = await this.docs.get<ProductView>('products', request.productId!);
        if (!product)
          throw notFound('product_not_found', `no product ${request.productId} (${field}.productId)`, { field: `${field}.productId` });
        const batchId = newId('B', ctx, `output-${i}`);
        return { batchId, lotCode: request.lotCode ?? batchId, product, request };
      }),
    );
  }

  /** An output already among the inputs' ancestors (or an input itself) would make the family tree a loop. */
  private async refuseCycles(inputs: BatchView[], outputs: PlannedOutput[]): Promise<void> {
    const existing = outputs.filter((o) => o.existing).map((o) => o.batchId);
    if (existing.length === 0) return;
    const inputIds = inputs.map((i) => i.id);
    const ancestors = await ancestorsOf(this.docs, inputIds);
    const loop = existing.find((id) => inputIds.includes(id) || ancestors.has(id));
    if (loop) {
      throw invalid('cycle', `Lot ${loop} is among this transformation's inputs or their ancestors: it cannot also be made from them`, {
        field: 'outputs',
        batchId: loop,
      });
    }
  }

  private async reserveCommand(
    actor: Actor,
    now: string,
    transformationId: string,
    startedAt: string,
    input: InputRequest,
    lot: BatchView,
    acceptedProducts: string[] | undefined,
  ): Promise<ReserveInput> {
    const modes = [input.quantity !== undefined, input.whole === true, input.cartonIds !== undefined].filter(Boolean).length;
    if (modes !== 1) {
      throw invalid('invalid_input', `Input lot ${lot.id} takes exactly one of: quantity, whole: true, cartonIds`, { batchId: lot.id });
    }
    const take: ReserveInput['take'] =
      input.quantity !== undefined
        ? { kind: 'quantity', quantity: { ...input.quantity } }
        : input.whole
          ? { kind: 'whole' }
          : { kind: 'cartons', cartonIds: [...input.cartonIds!] };
    const cartonsInHand = take.kind === 'cartons' ? await this.cartonsHeldBy(actor.organizationId, take.cartonIds) : [];
    const cartonHolds = take.kind === 'cartons' ? await this.batches.cartonHolds(take.cartonIds) : {};
    return { type: 'ReserveInput', actor, now, transformationId, startedAt, take, acceptedProducts, cartonsInHand, cartonHolds };
  }

  /** Cartons that the logistics record has at a facility of this organization now. */
  private async cartonsHeldBy(organizationId: string, cartonIds: string[]): Promise<string[]> {
    const held: string[] = [];
    for (const id of cartonIds) {
      const carton = await this.docs.get<CartonView>('cartons', id);
      if (!carton?.facilityId || carton.status === 'in_transit' || carton.status === 'delivered') continue;
      const facility = await this.docs.get<FacilityView>('facilities', carton.facilityId);
      if (facility?.ownerId === organizationId) held.push(id);
    }
    return held;
  }

  /** The output lot's command: its registration, or more of it. A head count's live weight is its weight. */
  private outputCommand(record: RecordTransformation, output: TransformationOutput, product: ProductView) {
    const { actor, now, transformationId, plant, endedAt } = record;
    const quantity = { ...output.quantity };
    if (!output.newLot) return { type: 'RecordProduction' as const, actor, now, transformationId, quantity, producedAt: endedAt };
    const liveWeight =
      output.quantity.unit === 'head' && output.weightKg !== undefined ? { value: output.weightKg, unit: 'kg' } : undefined;
    return {
      type: 'RegisterOutputLot' as const,
      actor,
      now,
      batchId: output.batchId,
      lotCode: output.lotCode,
      product: { id: product.id, nameZh: product.nameZh, grades: product.grades },
      plant,
      transformationId,
      quantity,
      producedAt: endedAt,
      ...(liveWeight && { liveWeight }),
    };
  }

  private async atInput<T>(i: number, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw this.namedInput(error, i);
    }
  }

  /** A lot's refusal, with the input it concerns named for the caller. */
  private namedInput(error: unknown, i: number): unknown {
    if (!(error instanceof DomainError)) return error;
    const details = (error.details ?? {}) as Record<string, unknown>;
    const field = typeof details.field === 'string' ? `inputs.${i}.${details.field}` : `inputs.${i}`;
    return new DomainError(error.kind, error.code, error.message, { ...details, field });
  }
}

/** With an idempotency key, each phase on a stream gets its own, so a later phase is not taken for a replay of an earlier one. */
function phaseKey(ctx: CommandContext, phase: string): string | undefined {
  return ctx.idempotencyKey && `${ctx.idempotencyKey}#${phase}`;
}

/** Products the outputs may be made from, when every output's product says. */
function accepted(outputs: PlannedOutput[]): string[] | undefined {
  if (!outputs.every((o) => o.product.madeFrom)) return undefined;
  return [...new Set(outputs.flatMap((o) => o.product.madeFrom!))];
}

function inputOf(lot: BatchView, reserved: BatchInputReserved['data']): TransformationInput {
  return {
    batchId: lot.id,
    lotCode: lot.lotCode,
    productId: lot.product.id,
    ownerId: lot.cooperative.id,
    quantity: reserved.quantity,
    ...(reserved.weightKg !== undefined && { weightKg: reserved.weightKg }),
    ...(reserved.cartonIds && { cartonIds: reserved.cartonIds }),
  };
}

function outputOf(output: PlannedOutput, i: number): TransformationOutput {
  const { quantity, liveWeight } = output.request;
  const base = inBaseUnit(`outputs.${i}.quantity`, quantity);
  const weightKg = base.unit === 'kg' ? base.value : liveWeight ? toBaseUnit(liveWeight).value : undefined;
  return {
    batchId: output.batchId,
    lotCode: output.lotCode,
    productId: output.product.id,
    quantity: { ...quantity },
    ...(weightKg !== undefined && { weightKg }),
    newLot: !output.existing,
  };
}
