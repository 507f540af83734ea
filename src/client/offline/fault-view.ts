import {
	blockOf,
	decodeBlock,
	faultOfPath,
	findFault,
	type FaultBlock,
	type OfflineFault,
} from '../../lib/fault-data.ts';
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
	const root = el.dataset.root ?? '/';
	const found = await lookUp(
		root,
		el.dataset.data ?? `${root}fault-data/`,
		Number(el.dataset.blocks) || 1,
	);
	if (typeof found === 'string') {
		el.querySelector('[data-offline-fault-status]')!.textContent = t(`faultOffline.${found}`, {
			path: location.pathname,
		});
		el.dataset.state = found;
		return;
	}
	el.replaceChildren(...renderFault(found, t, root));
	el.dataset.state = 'shown';
	document.title = `${found.code} ${found.title} · ${t('site.name')}`;
	// The header's language link leads to the same code in the other language, as on the real page.
	const other = document.querySelector<HTMLAnchorElement>('header a[hreflang]');
	if (other && el.dataset.otherRoot) other.href = `${el.dataset.otherRoot}${found.path}`;
}

// --- internal ---

/** The entry this page's URL names, or why there is none (the end of a `faultOffline.` string key). */
async function lookUp(
	root: string,
	dataFolder: string,
	blocks: number,
): Promise<OfflineFault | 'noCode' | 'failed' | 'notFound'> {
	const ref = faultOfPath(location.pathname, root);
	if (!ref) return 'noCode';
	let data: FaultBlock;
	try {
		const response = await fetch(`${dataFolder}${blockOf(ref.family, ref.slug, blocks)}.json`);
		if (!response.ok) throw new Error(`HTTP ${response.status}`);
		data = (await response.json()) as FaultBlock;
	} catch {
		return 'failed';
	}
	return findFault(decodeBlock(data), ref.family, ref.slug) ?? 'notFound';
}
