import type { SiteLocale } from '../lib/i18n.ts';

/** The `[...lang]` param of each locale: the default locale lives at the root. */
export const LANGS: { lang: string | undefined; locale: SiteLocale }[] = [
	{ lang: undefined, locale: 'zh-CN' },
	{ lang: 'en', locale: 'en' },
];

/** Static paths for a page that exists once per locale. */
export function perLocale() {
	return LANGS.map(({ lang, locale }) => ({ params: { lang }, props: { locale } }));
}

/**
 * Static paths for a page per item per locale: `params(item)` gives the item's own params,
 * and each path's props carry the item and the locale.
 */
export function perItemAndLocale<T, P extends Record<string, string>>(items: readonly T[], params: (item: T) => P) {
	return items.flatMap((item) =>
		LANGS.map(({ lang, locale }) => ({ params: { lang, ...params(item) }, props: { item, locale } })),
	);
}

/** Days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}

/** Today as YYYY-MM-DD in the business time zone; KB_TODAY overrides it for reproducible builds and tests. */
export function today(): string {
	return process.env.KB_TODAY ?? new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
