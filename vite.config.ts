import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

// monaco-editor ≥ 0.56 serves `monaco-editor/*` through an exports map (./esm/vs/*); monaco-yaml's
// worker still imports the old `monaco-editor/esm/vs/...` paths, so map those onto the files.
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: { alias: [{ find: /^monaco-editor\/esm\/vs\/(.*)$/, replacement: `${monacoEsm}$1` }] },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
});
