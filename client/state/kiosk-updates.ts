/**
 * Service-worker updates for screens nobody touches (poster, club tablet). A kiosk never
 * navigates, so it checks for a new version on a timer; when one is waiting it applies it
 * by itself (skip waiting + reload) at a quiet moment: never while `isBusy()` says so
 * (the pickup window, a running timer). A reload guard in sessionStorage stops a loop of
 * reloads if the new worker somehow reports itself waiting again straight away.
 */
import { registerSW } from 'virtual:pwa-register';

export interface KioskUpdateOptions {
  /** True while an update must wait: the pickup window, a running conversation timer. */
  isBusy?: () => boolean;
  /** How often to ask the server for a new service worker. */
  checkEveryMs?: number;
  /** How often to look again for a quiet moment once an update waits. */
  retryEveryMs?: number;
}

const GUARD_KEY = 'lc-update-reloaded-at';
/** At most one update-reload per ten minutes per tab. */
const GUARD_MS = 10 * 60_000;

function reloadedRecently(): boolean {
  const at = Number(sessionStorage.getItem(GUARD_KEY) ?? 0);
  return Date.now() - at < GUARD_MS && Date.now() >= at;
}

/** Registers the service worker and keeps it current; returns a function that stops the timers. */
export function startKioskUpdates(options: KioskUpdateOptions = {}): () => void {
  const { isBusy = () => false, checkEveryMs = 30 * 60_000, retryEveryMs = 60_000 } = options;
  let waiting = false;
  let stopped = false;
  let check: ReturnType<typeof setInterval> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const applyWhenQuiet = (): void => {
    clearTimeout(retry);
    if (!waiting || stopped) return;
    if (isBusy() || reloadedRecently()) {
      retry = setTimeout(applyWhenQuiet, retryEveryMs);
      return;
    }
    sessionStorage.setItem(GUARD_KEY, String(Date.now()));
    void updateSW(true);
  };

  const updateSW = registerSW({
    immediate: true,
    onNeedRefresh() {
      waiting = true;
      applyWhenQuiet();
    },
    onRegisteredSW(_url, registration) {
      if (!registration || stopped) return;
      // Offline, the check simply fails; the next one tries again.
      check = setInterval(() => void registration.update().catch(() => undefined), checkEveryMs);
    },
    onRegisterError(err: unknown) {
      console.warn('service worker registration failed', err);
    },
  });

  return () => {
    stopped = true;
    clearInterval(check);
    clearTimeout(retry);
  };
}
