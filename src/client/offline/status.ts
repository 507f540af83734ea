import type { UiKey } from '../../lib/i18n.ts';
import { readStrings } from '../strings.ts';

/**
 * Registers the service worker (built by src/integrations/offline.ts) and keeps the footer line
 * `[data-offline-status]` telling whether this device is ready offline and which content version
 * it holds. A new deploy is downloaded in the background and applied only when the user asks;
 * checklist runs are saved on every change, so the reload never loses one.
 */
export async function startOffline(el: HTMLElement): Promise<void> {
	const text = el.querySelector<HTMLElement>('[data-offline-text]')!;
	const button = el.querySelector<HTMLButtonElement>('[data-offline-update]')!;
	const t = readStrings(el);
	const say = (state: string, message: UiKey) => {
		el.dataset.offlineState = state;
		text.textContent = t(message, { version: el.dataset.version ?? '' });
	};
	if (!('serviceWorker' in navigator)) {
		say('unsupported', 'offline.unsupported');
		return;
	}

	say('checking', 'offline.checking');
	let registration: ServiceWorkerRegistration;
	try {
		registration = await navigator.serviceWorker.register(el.dataset.sw!, {
			scope: el.dataset.scope,
		});
	} catch {
		say('failed', 'offline.failed');
		return;
	}
	const offerUpdate = () => {
		say('update', 'offline.update');
		button.hidden = false;
		el.querySelector<HTMLElement>('[data-offline-note]')!.hidden = false;
	};
	const watch = (worker: ServiceWorker | null) => {
		worker?.addEventListener('statechange', () => {
			if (worker.state === 'installed' && navigator.serviceWorker.controller) offerUpdate();
			if (worker.state === 'activated' && !registration.waiting) say('ready', 'offline.ready');
			if (worker.state === 'redundant' && !registration.active) say('failed', 'offline.failed');
		});
	};
	if (registration.installing) {
		say('installing', 'offline.installing');
		watch(registration.installing);
	}
	registration.addEventListener('updatefound', () => watch(registration.installing));
	button.addEventListener('click', () => {
		button.disabled = true;
		// The new worker takes over, then every open page reloads once into the new version.
		registration.waiting?.postMessage({ type: 'SKIP_WAITING' });
	});
	let reloading = false;
	navigator.serviceWorker.addEventListener('controllerchange', () => {
		if (reloading || button.hidden) return;
		reloading = true;
		location.reload();
	});
	if (registration.waiting && navigator.serviceWorker.controller) {
		offerUpdate();
		return;
	}
	if (registration.active && !registration.installing) say('ready', 'offline.ready');
}
