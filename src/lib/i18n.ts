import { fillPlaceholders } from './placeholders.ts';
import type { Locale } from './locales.ts';
import en from '../i18n/en.json' with { type: 'json' };
import zhCN from '../i18n/zh-CN.json' with { type: 'json' };

/** A site locale (the locales themselves are in `locales.ts`). */
export type SiteLocale = Locale;
/** A UI string key; zh-CN.json is the reference set. */
export type UiKey = keyof typeof zhCN;

const STRINGS: Record<SiteLocale, Record<UiKey, string>> = { 'zh-CN': zhCN, en };

/**
 * The UI strings of a locale as a function: `t('fault.minutes', { n: 45 })`.
 * Placeholders `{name}` are replaced by `vars`.
 */
export function translator(locale: SiteLocale) {
	const table = STRINGS[locale];
	return (key: UiKey, vars: Record<string, string | number> = {}): string =>
		fillPlaceholders(table[key], vars);
}

/**
 * The raw UI strings of a locale whose keys start with one of `prefixes` (placeholders left as
 * `{name}`), for handing to browser code as one `data-strings` JSON attribute, which
 * `readStrings` in src/client/strings.ts reads. A whole key is its own prefix, so
 * `uiStrings('en', ['runner.', 'doc.revision'])` picks a group and a single string.
 */
export function uiStrings(locale: SiteLocale, prefixes: readonly string[]): Record<string, string> {
	// Every page's header asks for the same groups: at 20,000 pages, filtering 400 keys each time showed in the build profile.
	const key = `${locale}\n${prefixes.join('\n')}`;
	let picked = PICKED.get(key);
	if (!picked) {
		picked = Object.freeze(
			Object.fromEntries(
				Object.entries(STRINGS[locale]).filter(([k]) => prefixes.some((p) => k.startsWith(p))),
			),
		);
		PICKED.set(key, picked);
	}
	return picked;
}

const PICKED = new Map<string, Readonly<Record<string, string>>>();

/** A site translator. */
export type Translate = ReturnType<typeof translator>;
