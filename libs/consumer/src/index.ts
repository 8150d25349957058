export * from './passport/item-passport';
export * from './codes/item-code';
export * from './codes/digital-link';
export * from './codes/qr';
export * from './cold-chain/cold-chain-summary';
export { negotiateLanguage, type Lang } from './page/i18n';
export { escapeHtml } from './page/escape';
export { renderPassportPage } from './page/passport-page';
export { renderNotFoundPage } from './page/not-found-page';
