/**
 * Keeps a kiosk screen on with the Screen Wake Lock API. The browser drops the lock
 * whenever the page is hidden, so it is asked for again each time the page is visible.
 * Where the API is missing or refused (e.g. not a secure context), `held` stays false and
 * the view shows a hint to set the display to never sleep.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type WakeLockStatus = 'pending' | 'held' | 'unsupported' | 'refused';

export class WakeLockController implements ReactiveController {
  status: WakeLockStatus = 'pending';
  private sentinel: WakeLockSentinel | null = null;
  private readonly onVisible = () => {
    if (document.visibilityState === 'visible') void this.acquire();
  };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisible);
    void this.acquire();
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisible);
    void this.sentinel?.release().catch(() => undefined);
    this.sentinel = null;
  }

  private async acquire(): Promise<void> {
    if (!('wakeLock' in navigator)) return this.set('unsupported');
    if (this.sentinel && !this.sentinel.released) return;
    try {
      this.sentinel = await navigator.wakeLock.request('screen');
      this.sentinel.addEventListener('release', () => {
        // Hidden: visibilitychange asks again. Taken away while visible (e.g. low battery): say so.
        if (document.visibilityState === 'visible') this.set('refused');
      });
      this.set('held');
    } catch {
      this.set('refused');
    }
  }

  private set(status: WakeLockStatus): void {
    this.status = status;
    this.host.requestUpdate();
  }
}
