// A YAML file is bundled by the esbuild plugin in esbuild.js as a function that returns its data
// (parsed from JSON on the first call, the same object after). The knowledge base and the field
// catalog are validated at build time and embedded as their schemas' output; any other YAML is
// embedded as written, and its consumer must validate it.
declare module '*.yaml' {
  const load: () => unknown;
  export default load;
}
