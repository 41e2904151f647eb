/**
 * What triggers a push in the fan-out figures: a signed-in teacher publishing a day
 * (the real path: commit, then `display:class` to the class's screens), or a control
 * client telling the raw `ws` server "go". Both are timed from just before the send.
 */
import { io } from 'socket.io-client';
import { WebSocket } from 'ws';
import type { Fleet } from './fleet.ts';
import { wallNow } from './ipc.ts';
import type { PosterSchool } from './seed.ts';

export interface Trigger {
  fire(): void;
  close(): void;
}

export async function openTeacher(url: string, school: PosterSchool): Promise<Trigger> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: { cookie: school.cookie } });
  await new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(null));
    socket.once('connect_error', reject);
  });
  return {
    fire: () => socket.emit('week:publish', school.publish, (r: { ok: boolean }) => {
      if (!r.ok) console.error('publish refused', r);
    }),
    close: () => socket.disconnect(),
  };
}

export async function openControl(url: string): Promise<Trigger> {
  const ws = new WebSocket(url.replace(/^http/, 'ws'));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  return { fire: () => ws.send('go'), close: () => ws.close() };
}

/** Milliseconds from the trigger to the last display's receipt. */
export async function timed(fleet: Fleet, trigger: Trigger): Promise<number> {
  const receipt = fleet.next();
  const t0 = wallNow();
  trigger.fire();
  return (await receipt).last - t0;
}
