/**
 * Service-worker updates for people at a laptop or phone: the new version waits until
 * they choose to reload (workbox-window via vite-plugin-pwa), so nobody loses a half-typed plan.
 */
import { registerSW } from 'virtual:pwa-register';

/** Registers the service worker; `onReady` is called when a new version waits. Returns the function that applies it. */
export function watchForUpdates(onReady: () => void): () => Promise<void> {
  return registerSW({
    immediate: true,
    onNeedRefresh: onReady,
    onRegisterError(err: unknown) {
      console.warn('service worker registration failed', err);
    },
  }).bind(null, true);
}
