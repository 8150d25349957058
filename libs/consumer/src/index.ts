export * from './cold-chain/cold-chain-summary';
export * from './passport/item-passport';
export * from './provenance/provenance.projection';
export * from './provenance/provenance.views';
export * from './scan/scan-fast-lane';
export { negotiateLanguage, type Lang } from './page/i18n';
export { escapeHtml } from './page/escape';
export { renderPassportPage } from './page/passport-page';
export { renderNotFoundPage } from './page/not-found-page';
