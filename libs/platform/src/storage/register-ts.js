// Compiles TypeScript as the projector worker loads it, when the app itself runs from sources
// (jest, `npm run demo`, the benches). Not @swc-node/register: that one loads the TypeScript
// compiler to read tsconfig, about 20 MB of the worker's heap for as long as it runs.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');

// The libraries' aliases, as tsconfig.json's paths declare them: @suyuan/<lib>[/<path>].
const LIBS = join(__dirname, '..', '..', '..');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveAlias(request, ...rest) {
  const alias = /^@suyuan\/([a-z]+)(?:\/(.+))?$/.exec(request);
  return resolveFilename.call(this, alias ? join(LIBS, alias[1], 'src', alias[2] ?? 'index') : request, ...rest);
};

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
