// Stylesheets are bundled as text by esbuild (the `text` loader in esbuild.js): the preview
// writes its stylesheet into the webview's page.
declare module '*.css' {
  const text: string;
  export default text;
}
