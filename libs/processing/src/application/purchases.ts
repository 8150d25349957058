import { Inject, Injectable } from '@nestjs/common';
import { fold, invalid, notFound, optionalUtc } from '@suyuan/core';
import { CommandContext, newId } from '@suyuan/platform/nest';
import { BatchView, batchDecider, Quantity, RecordHouseholdPurchase, RegisterPurchaseLot } from '@suyuan/production';
import { BatchCommands } from '@suyuan/production/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { PersonDoc, ProductView } from '@suyuan/registry';

/** 收购 from a household (a natural person the purchaser registered) into a purchase lot. */
export interface HouseholdPurchaseRequest {
  personId: string;
  quantity: Quantity;
  purchasedAt?: string;
  harvestedAt?: string;
  certificateNo?: string;
  /** An open purchase lot of the purchaser's to add to; or, for a new one, its product and plant. */
  lotId?: string;
  productId?: string;
  plantId?: string;
  lotCode?: string;
}

/** 收购 from a batch the buyer holds through an accepted hand-over. */
export interface BatchPurchaseRequest {
  fromBatchId: string;
  quantity: Quantity;
  purchasedAt?: string;
  certificateNo?: string;
}

export interface PurchaseAnswer {
  purchaseId: string;
  lot: BatchView;
}

@Injectable()
export class Purchases {
  constructor(
    private readonly batches: BatchCommands,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  async fromHousehold(ctx: CommandContext, request: HouseholdPurchaseRequest): Promise<PurchaseAnswer> {
    const person = await this.docs.get<PersonDoc>('persons', request.personId);
    // Another purchaser's households are not yours to name: they answer as unknown.
    if (!person || person.registeredBy !== ctx.actor.organizationId) {
      throw notFound('person_not_found', `no household ${request.personId} registered by your organization`, { field: 'personId' });
    }
    if (person.erased)
      throw invalid('person_erased', `Household ${request.personId} was erased; register the person again`, { field: 'personId' });
    const now = this.batches.now();
    const purchasedAt = optionalUtc(request.purchasedAt, 'purchasedAt') ?? now;
    const purchase: RecordHouseholdPurchase = {
      type: 'RecordHouseholdPurchase',
      actor: ctx.actor,
      now,
      purchaseId: newId('PU', ctx),
      personId: person.id,
      quantity: { ...request.quantity },
      purchasedAt,
      harvestedAt: optionalUtc(request.harvestedAt, 'harvestedAt'),
      certificateNo: request.certificateNo,
    };
    const occurred = { ...ctx, occurredAt: purchasedAt };
    if (request.lotId !== undefined) {
      await this.batches.run(request.lotId, purchase, occurred);
      return { purchaseId: purchase.purchaseId, lot: await this.batches.batch(request.lotId) };
    }
    const register = await this.newLot(ctx, request);
    // The lot and its first purchase are judged together before either is written.
    const registered = batchDecider.decide(register, batchDecider.initialState());
    batchDecider.decide(purchase, fold(batchDecider, registered));
    if (request.lotCode !== undefined) {
      await this.batches.reserveLotCode(
        {
          productId: register.product.id,
          organizationId: ctx.actor.organizationId,
          lotCode: request.lotCode,
          batchId: register.batchId,
          now,
        },
        ctx,
      );
    }
    await this.batches.run(register.batchId, register, { ...ctx, facilityId: register.plant.id });
    await this.batches.run(register.batchId, purchase, {
      ...occurred,
      idempotencyKey: ctx.idempotencyKey && `${ctx.idempotencyKey}#purchase`,
    });
    return { purchaseId: purchase.purchaseId, lot: await this.batches.batch(register.batchId) };
  }

  async fromBatch(ctx: CommandContext, request: BatchPurchaseRequest): Promise<PurchaseAnswer> {
    const now = this.batches.now();
    const purchasedAt = optionalUtc(request.purchasedAt, 'purchasedAt') ?? now;
    const purchaseId = newId('PU', ctx);
    await this.batches.batch(request.fromBatchId);
    await this.batches.run(
      request.fromBatchId,
      {
        type: 'RecordPurchase',
        actor: ctx.actor,
        now,
        purchaseId,
        quantity: { ...request.quantity },
        purchasedAt,
        certificateNo: request.certificateNo,
      },
      { ...ctx, occurredAt: purchasedAt },
    );
    return { purchaseId, lot: await this.batches.batch(request.fromBatchId) };
  }

  private async newLot(ctx: CommandContext, request: HouseholdPurchaseRequest): Promise<RegisterPurchaseLot> {
    if (request.productId === undefined || request.plantId === undefined) {
      throw invalid(
        'purchase_lot_required',
        'Name the purchase lot to add to (lotId), or the product and plant of a new one (productId, plantId)',
        {
          field: request.productId === undefined ? 'productId' : 'plantId',
        },
      );
    }
    const product = await this.docs.get<ProductView>('products', request.productId);
    if (!product) throw notFound('product_not_found', `no product ${request.productId}`, { field: 'productId' });
    const plant = await this.batches.facility(request.plantId);
    const batchId = newId('B', ctx, 'purchase-lot');
    return {
      type: 'RegisterPurchaseLot',
      actor: ctx.actor,
      batchId,
      lotCode: request.lotCode ?? batchId,
      product: { id: product.id, nameZh: product.nameZh, grades: product.grades },
      plant: { id: plant.id, ownerId: plant.ownerId, type: plant.type },
    };
  }
}
