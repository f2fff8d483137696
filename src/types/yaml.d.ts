// A YAML file is bundled by the esbuild plugin in esbuild.js as a function that returns its data
// (parsed from JSON on the first call, the same object after). The knowledge base and the field
// catalog are validated at build time and embedded as their schemas' output; any other YAML is
// embedded as written, and its consumer must validate it.
declare module '*.yaml' {
  const load: () => unknown;
  export default load;
}

// A JSON Schema of a team file in `.intake/` (src/core/team/), generated at build time from its zod
// schema by esbuild.js: a function that returns it (read from dist/schemas/ on the first call).
declare module '*.jsonschema' {
  const load: () => unknown;
  export default load;
}

// Data the build works out from the validated knowledge base and ships beside it
// (`./NAME.shipped`, esbuild.js): a function that returns it (read from dist/data/NAME.json on
// the first call), or undefined from a bundle built without it.
declare module '*.shipped' {
  const load: () => unknown;
  export default load;
}
