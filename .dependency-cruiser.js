/**
 * The layering, checked by `npm test` (npm run lint:deps). From the ground up, each library
 * imports only those before it in LAYERS; apps import libraries; a library reaches another only
 * through its entry points: `index.ts` (nothing of the framework) or `nest.ts` (its Nest
 * modules and services). Inside a library, `domain/` is pure and `application/` does not see
 * `http/`. Tests and fixtures may reach into any library.
 */
const LAYERS = [
  'core',
  'eventstore',
  'readmodels',
  'platform',
  'integrity',
  'codes',
  'registry',
  'production',
  'logistics',
  'processing',
  'standards',
  'consumer',
  'labels',
  'recalls',
  'audit',
];
const TEST_CODE = '(\\.(spec|e2e|contract|fixtures|cases)\\.ts$|/testing/|/contract/)';
const FRAMEWORK = '^(@nestjs|fastify|@fastify|better-sqlite3|class-validator|class-transformer|rxjs|qrcode|@swc)';

const layerRules = LAYERS.map((lib, i) => ({
  name: `layer-${lib}`,
  comment: `${lib} imports only the libraries below it: ${LAYERS.slice(0, i).join(', ') || 'none'}`,
  severity: 'error',
  from: { path: `^libs/${lib}/` },
  to: { path: `^(apps/|libs/(${[...LAYERS.slice(i + 1), 'nonexistent'].join('|')})/)` },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'no cycles, within a library or across', severity: 'error', from: {}, to: { circular: true } },
    ...layerRules,
    {
      name: 'entry-points-only',
      comment: 'another library is reached through its index.ts or nest.ts, never its files',
      severity: 'error',
      from: { path: '^(libs/([^/]+)|apps)/', pathNot: TEST_CODE },
      to: { path: '^libs/([^/]+)/src/', pathNot: ['^libs/$2/', '^libs/[^/]+/src/(index|nest)\\.ts$'] },
    },
    {
      name: 'domain-is-pure',
      comment: 'domain/ imports no framework and no storage',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/', pathNot: TEST_CODE },
      to: { dependencyTypes: ['npm', 'npm-dev'], path: FRAMEWORK },
    },
    {
      name: 'domain-imports-domain',
      comment: "domain/ imports its own domain/ and other libraries' framework-free index only",
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/domain/', pathNot: TEST_CODE },
      to: { path: ['^libs/$1/src/(?!domain/)', '^libs/[^/]+/src/nest\\.ts$'] },
    },
    {
      name: 'application-sees-no-http',
      comment: 'application/ (commands, handlers) does not import http/ (controllers, DTOs)',
      severity: 'error',
      from: { path: '^libs/([^/]+)/src/application/', pathNot: TEST_CODE },
      to: { path: '^libs/$1/src/http/' },
    },
    {
      name: 'index-is-framework-free',
      comment: "a library's index.ts reaches no framework: the projector worker and pure code load it",
      severity: 'error',
      from: { path: '^libs/[^/]+/src/index\\.ts$' },
      to: { path: '^node_modules/(@nestjs|@fastify|fastify)/', reachable: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|data|\\.bench)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
