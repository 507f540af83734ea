import {
	blockOf,
	decodeBlock,
	faultOfPath,
	findFault,
	type FaultBlock,
} from '../../lib/fault-data.ts';
import type { UiKey } from '../../lib/i18n.ts';
import { readStrings } from '../strings.ts';
import { renderFault } from './fault-render.ts';

/**
 * The offline fault view (src/pages/[...lang]/offline/fault.astro): the service worker serves
 * it in place of a fault page that is neither cached nor reachable, so `location` is still the
 * fault's own URL. Reads the entry's block of the offline data (precached, one small JSON file)
 * and renders the entry as its page does, with a note that this is the offline copy; says so
 * when the code is not in the data. `el` carries the locale root (`data-root`), the data folder
 * (`data-data`), the block count (`data-blocks`) and the UI strings (`data-strings`).
 */
export async function showOfflineFault(el: HTMLElement): Promise<void> {
	const t = readStrings(el);
	const status = el.querySelector<HTMLElement>('[data-offline-fault-status]')!;
	const say = (key: UiKey, vars?: object) => {
		status.textContent = t(key, vars);
		el.dataset.state = key.slice('faultOffline.'.length);
	};
	const ref = faultOfPath(location.pathname, el.dataset.root ?? '/');
	if (!ref) return say('faultOffline.noCode');
	const block = blockOf(ref.family, ref.slug, Number(el.dataset.blocks) || 1);
	let data: FaultBlock;
	try {
		const response = await fetch(`${el.dataset.data}${block}.json`);
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		data = (await response.json()) as FaultBlock;
	} catch {
		return say('faultOffline.failed');
	}
	const fault = findFault(decodeBlock(data), ref.family, ref.slug);
	if (!fault) return say('faultOffline.notFound', { path: location.pathname });
	el.replaceChildren(...renderFault(fault, t, el.dataset.root ?? '/'));
	el.dataset.state = 'shown';
	document.title = `${fault.code} ${fault.title} · ${t('site.name')}`;
	// The header's language link leads to the same code in the other language, as on the real page.
	const other = document.querySelector<HTMLAnchorElement>('header a[hreflang]');
	if (other && el.dataset.otherRoot) other.href = `${el.dataset.otherRoot}${fault.path}`;
}
