export * from './china';
export * from './iso';
export * from './parse';
export * from './remembered';
