export * from './access/batch-readers';
export * from './production.module';
export * from './application/batch-context';
export { QuantityDto } from './http/batch.dto';
export * from './holds/unit-holds';
export * from './holds/holds.commands';
