import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { notFound } from '@suyuan/core';
import { CommandContext, found, newId, StreamExecutor } from '@suyuan/platform/nest';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { facilityDecider } from '../domain/facility.decider';
import { productDecider } from '../domain/product.decider';
import { RegisterFacilityDto, RegisterProductDto } from '../http/registry.dto';
import { FacilityView, OrganizationView, ProductView } from '../registry.views';

export class RegisterFacilityCommand {
  constructor(
    readonly ctx: CommandContext,
    readonly body: RegisterFacilityDto,
  ) {}
}

export class RegisterProductCommand {
  constructor(
    readonly ctx: CommandContext,
    readonly body: RegisterProductDto,
  ) {}
}

@CommandHandler(RegisterFacilityCommand)
export class RegisterFacilityHandler implements ICommandHandler<RegisterFacilityCommand, FacilityView> {
  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  async execute({ ctx, body }: RegisterFacilityCommand): Promise<FacilityView> {
    const ownerId = body.ownerId ?? ctx.actor.organizationId;
    const owner = await this.docs.get<OrganizationView>('organizations', ownerId);
    if (!owner) throw notFound('organization_not_found', `no organization ${ownerId} to own the facility`);
    const facilityId = newId('FAC', ctx);
    const { type: facilityType, ...rest } = body;
    await this.executor.execute(`facility-${facilityId}`, facilityDecider, {
      type: 'RegisterFacility',
      actor: ctx.actor,
      facilityId,
      ownerId,
      ownerRole: owner.role,
      facilityType,
      name: rest.name,
      region: { ...rest.region },
      location: rest.location && { ...rest.location },
      plate: rest.plate,
    }, ctx);
    return found(await this.docs.get<FacilityView>('facilities', facilityId), 'facility', facilityId);
  }
}

@CommandHandler(RegisterProductCommand)
export class RegisterProductHandler implements ICommandHandler<RegisterProductCommand, ProductView> {
  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  async execute({ ctx, body }: RegisterProductCommand): Promise<ProductView> {
    const productId = newId('PRD', ctx);
    await this.executor.execute(`product-${productId}`, productDecider, {
      type: 'RegisterProduct',
      actor: ctx.actor,
      productId,
      ...body,
      storageRange: body.storageRange && { ...body.storageRange },
      transportRange: body.transportRange && { ...body.transportRange },
    }, ctx);
    return found(await this.docs.get<ProductView>('products', productId), 'product', productId);
  }
}
