import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor } from '@suyuan/core';
import { CommandContext, CurrentActor, NotReplayable, Roles, WriteContext } from '@suyuan/platform/nest';
import { PersonDirectory } from '../application/person-directory';
import { PersonWrite } from '../application/person.commands';
import { PERSON_REGISTRANT_ROLES } from '../domain/person.decider';
import { ErasePersonDto, ReadPersonQueryDto, RegisterPersonDto } from './persons.dto';

/** Households recorded as natural persons (自然人): their name and ID number sealed, readable by few, erasable. */
@ApiTags('persons')
@ApiBearerAuth()
@ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key is recorded once' })
@Controller('api/persons')
export class PersonsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly directory: PersonDirectory,
  ) {}

  @Post()
  @Roles(...PERSON_REGISTRANT_ROLES)
  // The answer holds the person's name: it is not kept for replay; a retry is answered afresh.
  @NotReplayable()
  @ApiOperation({ summary: 'Register a household I buy from as a natural person; answers it as I read it (ID number masked)' })
  register(@WriteContext() ctx: CommandContext, @Body() body: RegisterPersonDto) {
    const { region, ...personal } = body;
    return this.commands.execute(new PersonWrite(ctx, { type: 'RegisterNaturalPerson', personal, region }));
  }

  @Get()
  @ApiOperation({ summary: 'The persons my organization registered (ID numbers masked)' })
  list(@CurrentActor() actor: Actor) {
    return this.directory.list(actor);
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One person, for the organization that registered them or the regulator over their place (403 otherwise)',
    description: 'An erased person answers { id, erased: true, erasedAt, region } and nothing personal.',
  })
  read(@CurrentActor() actor: Actor, @Param('id') id: string, @Query() query: ReadPersonQueryDto) {
    return this.directory.read(actor, id, { revealIdNumber: query.reveal === 'id' });
  }

  @Delete(':id')
  @Roles('admin', ...PERSON_REGISTRANT_ROLES)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Erase a person I registered (PIPL): their key is destroyed, their personal data never opens again',
    description: 'The reason may come in the body or as ?reason=; it stays in the record in clear.',
  })
  erase(@WriteContext() ctx: CommandContext, @Param('id') id: string, @Body() body: ErasePersonDto, @Query() query: ErasePersonDto) {
    return this.commands.execute(new PersonWrite(ctx, { type: 'EraseNaturalPerson', personId: id, reason: body.reason ?? query.reason }));
  }
}
