import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DOCUMENT_STORE, DocumentStore } from '@suyuan/readmodels';
import { CommandContext, found, newId, StreamExecutor } from '@suyuan/platform/nest';
import { mintApiKey } from '@suyuan/platform';
import { organizationDecider } from '../domain/organization.decider';
import { OrganizationView } from '../registry.views';
import { IssuedApiKey, OrganizationAnswers, OrganizationCommandInput, OrganizationWrite } from './registry.commands';

export const organizationStream = (id: string) => `organization-${id}`;

type Input<T extends OrganizationCommandInput['type']> = Extract<OrganizationCommandInput, { type: T }>;

/** Organizations and their API keys: one stream per organization. */
@CommandHandler(OrganizationWrite)
export class OrganizationCommandHandler implements ICommandHandler<OrganizationWrite> {
  constructor(
    private readonly executor: StreamExecutor,
    @Inject(DOCUMENT_STORE) private readonly docs: DocumentStore,
  ) {}

  execute({ ctx, input }: OrganizationWrite): Promise<OrganizationAnswers[OrganizationCommandInput['type']]> {
    switch (input.type) {
      case 'RegisterOrganization':
        return this.register(ctx, input);
      case 'IssueApiKey':
        return this.issueKey(ctx, input);
      case 'RevokeApiKey':
        return this.revokeKey(ctx, input);
    }
  }

  private async register(ctx: CommandContext, input: Input<'RegisterOrganization'>): Promise<OrganizationView> {
    const organizationId = newId('ORG', ctx);
    await this.executor.execute(
      organizationStream(organizationId),
      organizationDecider,
      {
        ...input,
        actor: ctx.actor,
        organizationId,
        region: input.region && { ...input.region },
      },
      ctx,
    );
    return found(await this.docs.get<OrganizationView>('organizations', organizationId), 'organization', organizationId);
  }

  /**
   * The plain key is returned once, here, and never stored, so its route opts out of idempotent
   * replay (which would have to keep the answer). With an Idempotency-Key the key id is derived
   * from it: a retry, even one running beside the first, lands on the same key id, which the
   * decider refuses (the stream's expected revision makes the later of two concurrent ones decide
   * again). The executor is not given the Idempotency-Key, whose replay would answer a retry with
   * a fresh secret that was never stored.
   */
  private async issueKey(
    { idempotencyKey, ...ctx }: CommandContext,
    { organizationId, label }: Input<'IssueApiKey'>,
  ): Promise<IssuedApiKey> {
    const key = mintApiKey(idempotencyKey ? newId('', { ...ctx, idempotencyKey }, organizationId) : undefined);
    await this.executor.execute(
      organizationStream(organizationId),
      organizationDecider,
      {
        type: 'IssueApiKey',
        actor: ctx.actor,
        organizationId,
        keyId: key.keyId,
        secretHash: key.secretHash,
        label,
      },
      ctx,
    );
    return { organizationId, keyId: key.keyId, apiKey: key.apiKey };
  }

  private async revokeKey(ctx: CommandContext, input: Input<'RevokeApiKey'>): Promise<OrganizationAnswers['RevokeApiKey']> {
    await this.executor.execute(organizationStream(input.organizationId), organizationDecider, { ...input, actor: ctx.actor }, ctx);
    return { organizationId: input.organizationId, keyId: input.keyId, revoked: true };
  }
}
