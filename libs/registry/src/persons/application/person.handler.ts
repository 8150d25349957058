import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { conflict } from '@suyuan/core';
import { CLOCK, Clock, PERSONAL_KEY_VAULT, PersonalKeyRefusedError, PersonalKeyVault, sealPersonalData } from '@suyuan/platform';
import { CommandContext, newId, StreamExecutor } from '@suyuan/platform/nest';
import { PersonalData } from '../domain/events';
import { normalizeIdNumber } from '../domain/id-number';
import { checkRegistration, personDecider } from '../domain/person.decider';
import { ErasedPersonView, PersonView } from '../person.views';
import { PersonAnswers, PersonCommandInput, PersonWrite } from './person.commands';
import { PersonDirectory } from './person-directory';

export const personStream = (id: string) => `person-${id}`;

type Input<T extends PersonCommandInput['type']> = Extract<PersonCommandInput, { type: T }>;

/** Natural persons: one stream each, their personal data sealed under a key of their own. */
@CommandHandler(PersonWrite)
export class PersonCommandHandler implements ICommandHandler<PersonWrite> {
  constructor(
    private readonly executor: StreamExecutor,
    private readonly directory: PersonDirectory,
    @Inject(PERSONAL_KEY_VAULT) private readonly vault: PersonalKeyVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ ctx, input }: PersonWrite): Promise<PersonAnswers[PersonCommandInput['type']]> {
    switch (input.type) {
      case 'RegisterNaturalPerson':
        return this.register(ctx, input);
      case 'EraseNaturalPerson':
        return this.erase(ctx, input);
    }
  }

  /**
   * The key first, then the event sealed with it. If the event is not appended, the key made for
   * it is destroyed: no key is kept for a person the log does not hold.
   */
  private async register(ctx: CommandContext, input: Input<'RegisterNaturalPerson'>): Promise<PersonView> {
    const personId = newId('PSN', ctx);
    const personal: PersonalData = {
      name: input.personal.name,
      idNumber: normalizeIdNumber(input.personal.idNumber),
      ...(input.personal.phone !== undefined && { phone: input.personal.phone }),
    };
    const region = { ...input.region };
    checkRegistration({ actor: ctx.actor, personal, region });
    const { key, created } = await this.keyFor(personId);
    const command = {
      type: 'RegisterNaturalPerson' as const,
      actor: ctx.actor,
      personId,
      personal,
      sealed: sealPersonalData(key, personId, personal),
      region,
      registeredAt: this.clock.now().toISOString(),
    };
    try {
      await this.executor.execute(personStream(personId), personDecider, command, ctx);
    } catch (error) {
      if (created) await this.vault.destroy(personId);
      throw error;
    }
    return this.directory.read(ctx.actor, personId);
  }

  /**
   * A retry with the first attempt's Idempotency-Key lands on the same person id and finds the
   * key that attempt made, whether or not its event was appended.
   */
  private async keyFor(personId: string): Promise<{ key: Buffer; created: boolean }> {
    const kept = await this.vault.get(personId);
    if (kept) return { key: kept, created: false };
    try {
      return { key: await this.vault.create(personId), created: true };
    } catch (error) {
      if (!(error instanceof PersonalKeyRefusedError)) throw error;
      throw conflict(
        'person_key_destroyed',
        `the key of person ${personId} was destroyed: the person was erased, or an earlier registration with this Idempotency-Key failed; send a new Idempotency-Key`,
        { personId },
      );
    }
  }

  /**
   * The key is destroyed first, then the erasure recorded: a crash in between leaves a person
   * whose data no longer opens, read as erased, and erasing again records it. The other way
   * round, a crash could leave the log saying erased while the key still opens the data.
   */
  private async erase(ctx: CommandContext, { personId, reason }: Input<'EraseNaturalPerson'>): Promise<ErasedPersonView> {
    await this.executor.execute(
      personStream(personId),
      personDecider,
      { type: 'EraseNaturalPerson', actor: ctx.actor, personId, erasedAt: this.clock.now().toISOString(), reason },
      ctx,
      () => this.vault.destroy(personId),
    );
    return this.directory.erased(personId);
  }
}
