import { Module } from '@nestjs/common';
import { PersonDirectory } from './application/person-directory';
import { PersonCommandHandler } from './application/person.handler';
import { PersonsController } from './http/persons.controller';

/** Natural persons: registered and erased here; the directory is how other capabilities name them. */
@Module({
  controllers: [PersonsController],
  providers: [PersonCommandHandler, PersonDirectory],
  exports: [PersonDirectory],
})
export class PersonsModule {}
