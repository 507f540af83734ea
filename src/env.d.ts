/// <reference types="astro/client" />

declare namespace App {
	/** What src/middleware.ts sets for every page. */
	interface Locals {
		/** The page's locale, from its URL. */
		locale: import('./lib/locales.ts').Locale;
		/** The page's UI strings: `t('fault.minutes', { n: 45 })`. */
		t: import('./lib/i18n.ts').Translate;
		/**
		 * The URL of a site path under the deploy base, in the page's locale or in `locale`:
		 * `href('faults/ac/e4/')` → `/kb/en/faults/ac/e4/` on an English page.
		 */
		href: (path?: string, locale?: import('./lib/locales.ts').Locale) => string;
	}
}
