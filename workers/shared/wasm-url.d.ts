/** Vite `?url` imports: the emitted, same-origin URL of a file (here the WASM binaries). */
declare module '*.wasm?url' {
  const url: string;
  export default url;
}
