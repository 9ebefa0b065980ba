import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';

const page = (name: string) => fileURLToPath(new URL(`./${name}.html`, import.meta.url));

// Multi-page build served by the admin app: HTML pages from web/dist, assets under /admin/assets/.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/admin/assets/',
  plugins: [preact()],
  build: {
    outDir: 'dist',
    assetsDir: '',
    emptyOutDir: true,
    sourcemap: false,
    modulePreload: { polyfill: false },
    // Swagger UI is one large bundle, loaded only by the docs page.
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        index: page('index'),
        landing: page('landing'),
        explorer: page('explorer'),
        docs: page('docs'),
        login: page('login'),
      },
    },
  },
});
