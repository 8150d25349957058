import { Command } from '@nestjs/cqrs';
import { CommandContext } from '@suyuan/platform/nest';
import { EraseNaturalPerson, RegisterNaturalPerson } from '../domain/commands';
import { ErasedPersonView, PersonView } from '../person.views';

/** What a caller asks: the domain's commands without the actor, the ids, times and sealing the handler provides. */
export type PersonCommandInput =
  Pick<RegisterNaturalPerson, 'type' | 'personal' | 'region'> | Pick<EraseNaturalPerson, 'type' | 'personId' | 'reason'>;

export interface PersonAnswers {
  /** As the registering organization reads the person: decrypted, the ID number masked. */
  RegisterNaturalPerson: PersonView;
  EraseNaturalPerson: ErasedPersonView;
}

export class PersonWrite<I extends PersonCommandInput = PersonCommandInput> extends Command<PersonAnswers[I['type']]> {
  constructor(
    readonly ctx: CommandContext,
    readonly input: I,
  ) {
    super();
  }
}
