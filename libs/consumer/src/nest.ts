export * from './consumer.module';
export * from './scan/scan.routes';
