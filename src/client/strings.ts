import type { UiKey } from '../lib/i18n.ts';
import { fillPlaceholders } from '../lib/placeholders.ts';

/**
 * A UI string by key with its `{name}` placeholders filled from `vars`, as on the server. A key
 * the page did not pass comes back as the key itself, so a missing string shows instead of vanishing.
 */
export type ClientTranslate = (key: UiKey, vars?: object) => string;

/**
 * The UI strings a component rendered into `el`'s `data-strings` attribute (picked on the server
 * with `uiStrings` from src/lib/i18n.ts), as a translate function. Read once per element.
 */
export function readStrings(el: HTMLElement): ClientTranslate {
	const table = JSON.parse(el.dataset.strings ?? '{}') as Record<string, string>;
	// Scores, progress and records are plain objects of numbers and strings; their fields fill the placeholders.
	return (key, vars = {}) =>
		fillPlaceholders(table[key] ?? key, vars as Record<string, string | number>);
}
