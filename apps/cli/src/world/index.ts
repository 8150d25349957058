/** The world the demo builds, the end-to-end tests record and the benchmarks load: one catalogue and one HTTP client. */
export * from './api-client';
export * from './facilities';
export * from './organizations';
export * from './places';
export * from './products';
export * from './register';
export * from './standards';
