export * from './digital-link';
export * from './item-code';
export * from './qr';
export * from './verification-code';
