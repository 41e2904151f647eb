/** Re-renders its host whenever the connection goes online or offline. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Connection } from './connection.ts';

export class ConnectionController implements ReactiveController {
  private readonly onStatus = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost, readonly connection: Connection) {
    host.addController(this);
  }

  get online(): boolean {
    return this.connection.status === 'online';
  }

  get offlineSince(): number | null {
    return this.connection.offlineSince;
  }

  hostConnected(): void {
    this.connection.addEventListener('status', this.onStatus);
  }

  hostDisconnected(): void {
    this.connection.removeEventListener('status', this.onStatus);
  }
}
