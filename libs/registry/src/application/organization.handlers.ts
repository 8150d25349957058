import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { CommandContext, found, newId, StreamExecutor } from '@suyuan/platform/nest';
import { mintApiKey } from '@suyuan/platform';
import { organizationDecider } from '../domain/organization.decider';
import { IssueApiKeyDto, RegisterOrganizationDto } from '../http/registry.dto';
import { OrganizationView } from '../registry.views';

export const organizationStream = (id: string) => `organization-${id}`;

export class RegisterOrganizationCommand {
  constructor(
    readonly ctx: CommandContext,
    readonly body: RegisterOrganizationDto,
  ) {}
}

export class IssueApiKeyCommand {
  constructor(
    readonly ctx: CommandContext,
    readonly organizationId: string,
    readonly body: IssueApiKeyDto,
  ) {}
}

export class RevokeApiKeyCommand {
  constructor(
    readonly ctx: CommandContext,
    readonly organizationId: string,
    readonly keyId: string,
  ) {}
}

@CommandHandler(RegisterOrganizationCommand)
export class RegisterOrganizationHandler implements ICommandHandler<RegisterOrganizationCommand, OrganizationView> {
  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  async execute({ ctx, body }: RegisterOrganizationCommand): Promise<OrganizationView> {
    const organizationId = newId('ORG', ctx);
    await this.executor.execute(organizationStream(organizationId), organizationDecider, {
      type: 'RegisterOrganization',
      actor: ctx.actor,
      organizationId,
      ...body,
      region: body.region && { ...body.region },
    }, ctx);
    return found(await this.docs.get<OrganizationView>('organizations', organizationId), 'organization', organizationId);
  }
}

/**
 * The plain key is returned once, here, and never stored, so its route opts out of idempotent
 * replay (which would have to keep the answer). With an Idempotency-Key the key id is derived
 * from it: a retry, even one running beside the first, lands on the same key id, which the
 * decider refuses (the stream's expected revision makes the later of two concurrent ones decide
 * again). The executor is not given the Idempotency-Key, whose replay would answer a retry with
 * a fresh secret that was never stored.
 */
@CommandHandler(IssueApiKeyCommand)
export class IssueApiKeyHandler implements ICommandHandler<IssueApiKeyCommand> {
  constructor(private readonly executor: StreamExecutor) {}

  async execute({ ctx: { idempotencyKey, ...ctx }, organizationId, body }: IssueApiKeyCommand) {
    const key = mintApiKey(idempotencyKey ? newId('', { ...ctx, idempotencyKey }, organizationId) : undefined);
    await this.executor.execute(organizationStream(organizationId), organizationDecider, {
      type: 'IssueApiKey',
      actor: ctx.actor,
      organizationId,
      keyId: key.keyId,
      secretHash: key.secretHash,
      label: body.label,
    }, ctx);
    return { organizationId, keyId: key.keyId, apiKey: key.apiKey };
  }
}

@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand> {
  constructor(private readonly executor: StreamExecutor) {}

  async execute({ ctx, organizationId, keyId }: RevokeApiKeyCommand) {
    await this.executor.execute(organizationStream(organizationId), organizationDecider, {
      type: 'RevokeApiKey',
      actor: ctx.actor,
      organizationId,
      keyId,
    }, ctx);
    return { organizationId, keyId, revoked: true };
  }
}
