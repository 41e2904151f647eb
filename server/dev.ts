/**
 * `npm run dev`: the server on PORT (default 8080) and Vite's dev server on 5173 in front
 * of it, with hot reload; Vite proxies /api, /healthz and /socket.io to the server.
 */
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { main } from './main.ts';

await main();
const vite = await createServer({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), server: { port: 5173 } });
await vite.listen();
vite.printUrls();
