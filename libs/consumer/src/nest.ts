export * from './consumer.module';
export * from './scan/scan.routes';
export { sellableRoutesOpenApi } from './sellable/sellable.routes';
