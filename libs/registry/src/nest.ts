export * from './registry.module';
export * from './persons/application/person-directory';
export * from './persons/persons.module';
