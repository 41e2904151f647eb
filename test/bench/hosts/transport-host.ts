/**
 * Socket.IO with the app's options (createSocketServer) and nothing of the app behind
 * it: the sync storm's transport-only baseline (participation:log parsed with the
 * shared schema and acked, nothing stored) and the bare-Socket.IO line in the memory
 * figures (a display gets a fixed state on connect, as the app sends its state).
 */
import { createServer } from 'node:http';
import { clientEvents } from '../../../shared/events.ts';
import { fail, ok } from '../../../shared/result.ts';
import { createSocketServer } from '../../../server/realtime/socket-server.ts';
import { memoryAfterGc, serveParent } from '../lib/ipc.ts';

const httpServer = createServer();
const io = createSocketServer(httpServer);
const state = { school: { name: 'Bench', timeZone: 'Europe/London', pickupStart: '14:45', pickupEnd: '15:45' }, classes: [], serverNow: 0 };

io.on('connection', (socket) => {
  socket.emit('display:state', { ...state, serverNow: Date.now() });
  socket.on('participation:log', (payload: unknown, ack: unknown) => {
    if (typeof ack !== 'function') return;
    const parsed = clientEvents['participation:log'].safeParse(payload);
    ack(parsed.success ? ok({ accepted: parsed.data.entries.map((e) => e.id), refused: [] }) : fail('invalid', 'Some fields are not right.'));
  });
});

await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', () => resolve()));
serveParent({
  memory: () => memoryAfterGc(),
  clients: () => io.engine.clientsCount,
}, { port: (httpServer.address() as { port: number }).port, pid: process.pid });
