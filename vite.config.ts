import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { moveSourceMaps, precompress } from './scripts/precompress';

/**
 * The renderer build. The hub serves dist-renderer/ at `/` (deep links fall
 * back to index.html), so assets use absolute paths. `npm run dev:renderer`
 * proxies the API and Socket.IO to a hub started with `npm run hub`
 * (CLASSHUB_HUB_URL points it elsewhere).
 */
const hubUrl = process.env.CLASSHUB_HUB_URL ?? 'http://127.0.0.1:4000';
const outDir = fileURLToPath(new URL('./dist-renderer', import.meta.url));
const mapsDir = fileURLToPath(new URL('./dist-renderer-maps', import.meta.url));

/**
 * After the build: source maps out of the served folder (dist-renderer-maps/),
 * then .br and .gz copies of every text file for the hub to send as they are
 * (scripts/precompress.ts, src-server/http/static.ts).
 */
const productionFiles: Plugin = {
  name: 'classhub-production-files',
  apply: 'build',
  async closeBundle() {
    await rm(mapsDir, { recursive: true, force: true });
    await moveSourceMaps(outDir, mapsDir);
    const files = await precompress(outDir);
    const total = (key: 'bytes' | 'brotli' | 'gzip') =>
      files.reduce((sum, file) => sum + file[key], 0);
    this.info(
      `precompressed ${files.length} files: ${total('bytes')} B → brotli ${total('brotli')} B, gzip ${total('gzip')} B`,
    );
  },
};

export default defineConfig({
  root: 'src-renderer',
  base: '/',
  plugins: [react(), productionFiles],
  build: {
    outDir,
    emptyOutDir: true,
    // Maps for reading stack traces, without a sourceMappingURL in the served bundles.
    sourcemap: 'hidden',
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
            // pdf.js stays its own lazy chunk, loaded with the first PDF preview.
            { name: 'vendor', test: /node_modules[\\/](?!pdfjs-dist[\\/])/ },
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
