export * from './canonical-json';
export * from './canonical-text';
export * from './chain-verifier';
export * from './event-hash';
export * from './history-verifier';
export * from './merkle';
