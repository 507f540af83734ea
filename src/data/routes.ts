import { langOf, LOCALES, type Locale } from '../lib/locales.ts';

/** The `[...lang]` param of each locale: the default locale lives at the root. */
export const LANGS: { lang: string | undefined; locale: Locale }[] = LOCALES.map((locale) => ({
	lang: langOf(locale),
	locale,
}));

/** Static paths for a page that exists once per locale. */
export function perLocale() {
	return LANGS.map(({ lang, locale }) => ({ params: { lang }, props: { locale } }));
}

/**
 * Static paths for a page per item per locale: `params(item)` gives the item's own params,
 * and each path's props carry the item and the locale.
 */
export function perItemAndLocale<T, P extends Record<string, string>>(
	items: readonly T[],
	params: (item: T) => P,
) {
	return items.flatMap((item) =>
		LANGS.map(({ lang, locale }) => ({
			params: { lang, ...params(item) },
			props: { item, locale },
		})),
	);
}
