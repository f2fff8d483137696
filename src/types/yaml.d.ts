// YAML files are bundled as plain data by the esbuild plugin in esbuild.js.
// Consumers must validate the value with zod before using it.
declare module '*.yaml' {
  const data: unknown;
  export default data;
}
