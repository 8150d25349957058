export * from './actor';
export * from './decider';
export * from './errors';
export * from './event';
export * from './ids';
export * from './time';
export * from './query';
