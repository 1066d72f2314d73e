import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The renderer build. The hub serves dist-renderer/ at `/` (deep links fall
 * back to index.html), so assets use absolute paths. `npm run dev:renderer`
 * proxies the API and Socket.IO to a hub started with `npm run hub`
 * (CLASSHUB_HUB_URL points it elsewhere).
 */
const hubUrl = process.env.CLASSHUB_HUB_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  root: 'src-renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist-renderer',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across hub updates.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/,
            },
            { name: 'mantine', test: /node_modules[\\/](@mantine|@tabler|@floating-ui)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': {
        target: hubUrl,
        changeOrigin: true,
        // src-renderer/api/ is served at /api/… too: Vite keeps its own source modules.
        bypass: (req) => (/^\/api\/[\w-]+\.tsx?(\?|$)/.test(req.url ?? '') ? req.url : undefined),
      },
      '/socket.io': { target: hubUrl, changeOrigin: true, ws: true },
    },
  },
});
