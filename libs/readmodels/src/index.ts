export * from './document-store.port';
export * from './project-events';
export * from './projection';
export * from './projector';
export * from './sqlite/inline-projector';
export * from './sqlite/sqlite-document-store';
