import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const backend = `http://localhost:${process.env.PORT ?? 8080}`;

// The app lives in client/, static files in public/, the build in dist/ (served by the server).
export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  publicDir: '../public',
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  // `npm run dev`: Vite in front of the server on PORT.
  server: { proxy: { '/api': backend, '/healthz': backend, '/socket.io': { target: backend, ws: true } } },
  plugins: [
    VitePWA({
      injectRegister: false,
      registerType: 'prompt',
      strategies: 'generateSW',
      manifest: {
        name: 'Learning Conversations',
        short_name: 'Conversations',
        description: "Today's ten-minute learning conversation, for the playground, the club and the classroom.",
        start_url: '/',
        scope: '/',
        display: 'fullscreen',
        display_override: ['fullscreen', 'standalone'],
        orientation: 'any',
        background_color: '#fffdf5',
        theme_color: '#14325c',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2,webmanifest}'],
        navigateFallback: '/index.html',
        // The socket's long-polling, the API and health checks always go to the network.
        navigateFallbackDenylist: [/^\/socket\.io\//, /^\/api\//, /^\/healthz/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
