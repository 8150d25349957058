export * from './logistics.module';
