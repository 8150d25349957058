// Compiles TypeScript as the projector worker loads it, when the app itself runs from sources
// (jest, `npm run demo`, the benches). Not @swc-node/register: that one loads the TypeScript
// compiler to read tsconfig, about 20 MB of the worker's heap for as long as it runs.
const { readFileSync } = require('node:fs');
const { transformSync } = require('@swc/core');

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  swcrc: false,
};

require.extensions['.ts'] = function compileTs(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
