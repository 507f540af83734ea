/**
 * The site's languages: which there are, which is the default, and how a locale shows in
 * file names (`2.0.zh-CN.mdx`) and URLs (the default at `/`, the others at `/<locale>/`).
 */

/** The locales, default first. `zh-CN` is served at `/`, `en` at `/en/`. */
export const LOCALES = ['zh-CN', 'en'] as const;
/** One of {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];
/** The locale served at the site root and used as the reference translation. */
export const DEFAULT_LOCALE: Locale = LOCALES[0];

/** Whether `value` is one of {@link LOCALES}. */
export function isLocale(value: string | undefined): value is Locale {
	return (LOCALES as readonly (string | undefined)[]).includes(value);
}

/**
 * Splits a localized entry id at its last dot: `onsite-visit/2.0.zh-CN` → base `onsite-visit/2.0`,
 * locale `zh-CN`. `locale` is undefined when the id does not end in a locale.
 */
export function splitLocaleId(id: string): { base: string; locale: Locale | undefined } {
	const dot = id.lastIndexOf('.');
	const tail = dot === -1 ? '' : id.slice(dot + 1);
	return isLocale(tail)
		? { base: id.slice(0, dot), locale: tail }
		: { base: id, locale: undefined };
}

/** One value per locale, in {@link LOCALES} order: `mapLocales((l) => rev.byLocale[l].data.title)`. */
export function mapLocales<T>(value: (locale: Locale) => T): Record<Locale, T> {
	return Object.fromEntries(LOCALES.map((locale) => [locale, value(locale)])) as Record<Locale, T>;
}

/** The URL segment of a locale: '' for the default locale, else `<locale>/`. */
export function localePrefix(locale: Locale): string {
	return locale === DEFAULT_LOCALE ? '' : `${locale}/`;
}

/** The locale of a `[...lang]` route param: undefined (the site root) is the default locale. */
export function localeOfLang(lang: string | undefined): Locale {
	return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/** The `[...lang]` route param of a locale: undefined for the default locale. */
export function langOf(locale: Locale): string | undefined {
	return locale === DEFAULT_LOCALE ? undefined : locale;
}
