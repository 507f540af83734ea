/**
 * Where things live: the site path of every kind of page (without locale prefix or base, e.g.
 * `faults/ac/e4/`), the URL of a path in a locale under the deploy base, and the content file
 * of an entry. Pages, search data, the ticket report and the CLI's link check all build paths here.
 */
import { codeSlug } from './fault-code.ts';
import { LOCALES, localeOfLang, localePrefix, type Locale } from './locales.ts';

/** Site paths of each page kind, relative to a locale root. */
export const paths = {
	/** A fault family's code list: `faults/ac/`. */
	family: (family: string) => `faults/${family}/`,
	/** A fault entry: `faults/ac/e4/` (the code as {@link codeSlug}). */
	fault: (family: string, code: string) => `faults/${family}/${codeSlug(code)}/`,
	/** A product model: `products/kfr-35gw/`. */
	product: (model: string) => `products/${model}/`,
	/** An SOP's current revision, or one revision: `sops/onsite-visit/`, `sops/onsite-visit/2.0/`. */
	sop: (slug: string, revision?: string) => `sops/${slug}/${revision ? `${revision}/` : ''}`,
	/** A checklist's current revision, or one revision. */
	checklist: (slug: string, revision?: string) =>
		`checklists/${slug}/${revision ? `${revision}/` : ''}`,
	/** An etiquette rule: `etiquette/knock-properly/`. */
	rule: (id: string) => `etiquette/${id}/`,
	/** A guide: `guides/first-week/`. */
	guide: (slug: string) => `guides/${slug}/`,
	/** A learning module: `learn/basics/`. */
	module: (id: string) => `learn/${id}/`,
	/**
	 * The offline fault view, which the service worker serves for a fault page it has neither
	 * cached nor can fetch. Outside `faults/`, so no family id can take its path.
	 */
	offlineFault: 'offline/fault/',
} as const;

/**
 * The URL of a site path in a locale under the deploy base: `localeHref('/kb/', 'en', 'faults/ac/e4/')`
 * → `/kb/en/faults/ac/e4/`. `base` is `import.meta.env.BASE_URL` on the site.
 */
export function localeHref(base: string, locale: Locale, path = ''): string {
	const root = base.endsWith('/') ? base : `${base}/`;
	return `${root}${localePrefix(locale)}${path.replace(/^\//, '')}`;
}

/**
 * The locale a URL path is served in, under the deploy base: `/kb/en/faults/` → `en`. The root, and
 * any path whose first segment is not a locale, is the default locale.
 */
export function localeOfPath(pathname: string, base = '/'): Locale {
	const root = base.endsWith('/') ? base : `${base}/`;
	const rest = pathname.startsWith(root)
		? pathname.slice(root.length)
		: pathname.replace(/^\//, '');
	return localeOfLang(rest.split('/')[0]);
}

/** The root paths at which a site path is served in each locale: `sops/x/` → `/sops/x/`, `/en/sops/x/`. */
export function localePaths(path: string): string[] {
	return LOCALES.map((locale) => localeHref('/', locale, path));
}

/** Content files of each kind, relative to the content root. */
export const files = {
	/** A fault entry's file: `faults/ac/e4.yaml`. */
	fault: (family: string, code: string) => `faults/${family}/${codeSlug(code)}.yaml`,
	/** One locale of an SOP revision: `sops/onsite-visit/2.0.zh-CN.mdx`. */
	sop: (slug: string, revision: string, locale: Locale) => `sops/${slug}/${revision}.${locale}.mdx`,
	/** A checklist revision: `checklists/post-repair/1.1.yaml`. */
	checklist: (slug: string, revision: string) => `checklists/${slug}/${revision}.yaml`,
} as const;
