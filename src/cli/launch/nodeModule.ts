/**
 * Node's Module class, what node:module exports, reached through this file's own `module` object
 * (the launcher is CommonJS): `module.constructor` is that class. Loading node:module itself also
 * loads Node's ES module loader and its source map support (the module's other exports), about
 * 5 M instructions of a start the launcher never uses.
 */
interface ModuleClass {
  createRequire(filename: string): NodeJS.Require;
  wrap(script: string): string;
}

export const nodeModule = module.constructor as unknown as ModuleClass;
