/**
 * The fan-out and memory baseline: a plain `ws` server, no protocol on top. A client
 * that sends "go" makes it send the payload to every other client, the way the ws
 * README broadcasts (the payload is turned into a Buffer once, not per client).
 */
import { WebSocketServer, type WebSocket } from 'ws';
import { memoryAfterGc, serveParent } from '../lib/ipc.ts';

const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false, maxPayload: 256 * 1024 });
await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
let payload = Buffer.from('[]');

wss.on('connection', (ws: WebSocket) => {
  ws.on('message', (data) => {
    if (String(data) !== 'go') return;
    for (const client of wss.clients) if (client !== ws && client.readyState === 1) client.send(payload, { binary: false });
  });
});

serveParent({
  payload: (json: string) => void (payload = Buffer.from(json)),
  memory: () => memoryAfterGc(),
  clients: () => wss.clients.size,
}, { port: (wss.address() as { port: number }).port, pid: process.pid });
