export * from './auth/api-key-lookup.port';
export * from './auth/api-key';
export * from './commands/clock';
export * from './config';
export * from './http/error-body';
export * from './keys/personal-data-seal';
export * from './keys/personal-key-vault.port';
export * from './storage/private-files';
