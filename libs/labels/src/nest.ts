export * from './labels.module';
