/** Runs a page's load when it is shown and again on every (re)connect: a page may open before the socket does. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Connection } from './connection.ts';

export class LoadOnConnect implements ReactiveController {
  private readonly run = () => void this.load();

  constructor(host: ReactiveControllerHost, private readonly connection: () => Connection, private readonly load: () => Promise<void>) {
    host.addController(this);
  }

  hostConnected(): void {
    const socket = this.connection().socket;
    socket.on('connect', this.run);
    if (socket.connected) this.run();
  }

  hostDisconnected(): void {
    this.connection().socket.off('connect', this.run);
  }
}
