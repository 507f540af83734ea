import type { ClientTranslate } from '../strings.ts';

/** How the live search UI is shown: opened, closed, and revealed as the user types. */
export interface SearchFrame {
	/** Shows the results (the header's panel on a desktop); no-op when already shown. */
	reveal: () => void;
}

/** Below this width the header shows an icon that opens a full-screen dialog (45rem = 720 px). */
const PHONE = '(max-width: 44.99rem)';

/**
 * Wires opening and closing. The header variant is a full-screen modal dialog on a phone (the
 * rest of the page inert, Esc or the back arrow close it and focus returns to the icon) and a
 * panel under the field on a desktop (Esc, a click or focus elsewhere close it). `/` anywhere
 * outside a field focuses the search (opening the dialog on a phone). The page variant is always
 * open.
 */
export function frameSearch(
	root: HTMLElement,
	input: HTMLInputElement,
	t: ClientTranslate,
): SearchFrame {
	const header = root.dataset.variant === 'header';
	const opener = root.querySelector<HTMLButtonElement>('[data-search-open]');
	const closer = root.querySelector<HTMLButtonElement>('[data-search-close]');
	const inerted: HTMLElement[] = [];
	let returnTo: HTMLElement | undefined;

	const open = (modal: boolean) => {
		if ('open' in root.dataset) return;
		root.dataset.open = modal ? 'dialog' : 'panel';
		opener?.setAttribute('aria-expanded', 'true');
		if (!modal) return;
		root.setAttribute('role', 'dialog');
		root.setAttribute('aria-modal', 'true');
		root.setAttribute('aria-label', t('search.title'));
		inerted.push(...outside(root));
		for (const el of inerted) el.inert = true;
		document.documentElement.classList.add('search-locked');
		input.focus();
	};
	const close = () => {
		const modal = root.dataset.open === 'dialog';
		if (!('open' in root.dataset)) return;
		delete root.dataset.open;
		opener?.setAttribute('aria-expanded', 'false');
		for (const attr of ['role', 'aria-modal', 'aria-label']) root.removeAttribute(attr);
		for (const el of inerted.splice(0)) el.inert = false;
		document.documentElement.classList.remove('search-locked');
		const back = modal ? opener : returnTo;
		returnTo = undefined;
		if (back?.isConnected) back.focus();
	};
	const reveal = () => {
		if (header && input.value.trim()) open(matchMedia(PHONE).matches);
	};

	if (opener) {
		// With JavaScript the icon opens the dialog instead of submitting the form.
		opener.type = 'button';
		opener.addEventListener('click', () => open(true));
	}
	closer?.addEventListener('click', close);
	root.addEventListener('keydown', (event) => {
		if (event.key !== 'Escape' || !header || !('open' in root.dataset)) return;
		event.preventDefault();
		close();
	});
	if (header) {
		input.addEventListener('focus', reveal);
		document.addEventListener('pointerdown', (event) => {
			if (root.dataset.open === 'panel' && !root.contains(event.target as Node)) close();
		});
		root.addEventListener('focusout', (event) => {
			const next = event.relatedTarget as Node | null;
			if (root.dataset.open === 'panel' && next && !root.contains(next)) close();
		});
	}
	document.addEventListener('keydown', (event) => {
		const target = event.target as HTMLElement;
		if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
		if (target.closest('input, textarea, select, [contenteditable]')) return;
		event.preventDefault();
		if (header && matchMedia(PHONE).matches) {
			open(true);
			return;
		}
		returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : undefined;
		input.focus();
		input.select();
	});
	return { reveal };
}

// --- internal ---

/** Everything on the page outside `el` (its ancestors' other children), not already inert. */
function outside(el: HTMLElement): HTMLElement[] {
	const out: HTMLElement[] = [];
	for (let node: HTMLElement = el; node.parentElement && node !== document.body;) {
		for (const sibling of node.parentElement.children)
			if (sibling !== node && sibling instanceof HTMLElement && !sibling.inert) out.push(sibling);
		node = node.parentElement;
	}
	return out;
}
