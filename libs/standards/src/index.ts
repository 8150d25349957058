export * from './compliance/carton-owners.projection';
export * from './compliance/compliance.projection';
export * from './compliance/compliance.views';
export * from './compliance/item-compliance';
export * from './compliance/standards.projection';
export * from './compliance/verdict';
export * from './evaluation/logistics-rules';
