export * from './auth/api-key-lookup.port';
export * from './auth/api-key';
export * from './commands/clock';
export * from './config';
/** The command handlers read their times here, beside the clock; the time module is core's. */
export * from './storage/private-files';
