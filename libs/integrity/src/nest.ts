export * from './integrity.module';
