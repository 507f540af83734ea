import { defineMiddleware } from 'astro:middleware';
import { translator } from './lib/i18n.ts';
import { localeHref, localeOfPath } from './lib/routes.ts';

/**
 * Sets the page's locale, its translator and its link builder on `Astro.locals` once per request
 * (for this static site: once per prerendered page), so components read `Astro.locals.t(...)`
 * instead of taking a `locale` prop. The locale comes from the URL: `/en/…` is English, the rest
 * the default locale, under the deploy base.
 */
export const onRequest = defineMiddleware(({ url, locals }, next) => {
	const base = import.meta.env.BASE_URL;
	const locale = localeOfPath(url.pathname, base);
	locals.locale = locale;
	locals.t = translator(locale);
	locals.href = (path = '', inLocale = locale) => localeHref(base, inLocale, path);
	return next();
});
