import en from '../i18n/en.json' with { type: 'json' };
import zhCN from '../i18n/zh-CN.json' with { type: 'json' };

/** The site's locales, default first. Kept in step with `src/schemas/localized.ts`. */
export const SITE_LOCALES = ['zh-CN', 'en'] as const;
/** A site locale. */
export type SiteLocale = (typeof SITE_LOCALES)[number];
/** A UI string key; zh-CN.json is the reference set. */
export type UiKey = keyof typeof zhCN;

const STRINGS: Record<SiteLocale, Record<UiKey, string>> = { 'zh-CN': zhCN, en };

/** The locale of a route's `lang` param: undefined (the root) is the default locale. */
export function localeOf(lang: string | undefined): SiteLocale {
	return lang === 'en' ? 'en' : 'zh-CN';
}

/**
 * The UI strings of a locale as a function: `t('fault.minutes', { n: 45 })`.
 * Placeholders `{name}` are replaced by `vars`.
 */
export function translator(locale: SiteLocale) {
	const table = STRINGS[locale];
	return (key: UiKey, vars: Record<string, string | number> = {}): string =>
		table[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

/** A site translator. */
export type Translate = ReturnType<typeof translator>;

/**
 * The URL of a site path in a locale, under the configured base: `href('en', 'faults/ac/e4/')`
 * → `/kb/en/faults/ac/e4/` when the base is `/kb/`. `base` is `import.meta.env.BASE_URL`.
 */
export function localeHref(base: string, locale: SiteLocale, path = ''): string {
	const root = base.endsWith('/') ? base : `${base}/`;
	const prefix = locale === 'zh-CN' ? '' : `${locale}/`;
	return `${root}${prefix}${path.replace(/^\//, '')}`;
}
