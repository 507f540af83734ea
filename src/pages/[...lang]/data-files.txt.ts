import type { APIRoute } from 'astro';
import { buildFaultData, faultDataFiles } from '../../data/fault-data.ts';
import { perLocale } from '../../data/routes.ts';
import { buildSearchData, searchFiles } from '../../data/search.ts';
import { encodeDataFiles } from '../../lib/data-files.ts';
import type { SiteLocale } from '../../lib/i18n.ts';

// A build only: the dev server serves each file from its own route (search-data/, fault-data/).
export const getStaticPaths = () => (import.meta.env.DEV ? [] : perLocale());

/**
 * Every generated data file of a locale in one bundle (src/lib/data-files.ts): the search index
 * and the offline fault data. The build step in src/integrations/data-files.ts writes the files
 * and removes the bundle; nothing keeps the data once it is written.
 */
export const GET: APIRoute = async ({ props }) => {
	const locale = (props as { locale: SiteLocale }).locale;
	const search = searchFiles(await buildSearchData(locale));
	const faults = faultDataFiles(await buildFaultData(locale));
	return new Response(
		encodeDataFiles([
			...search.map(([path, json]) => [`search-data/${path}`, json] as const),
			...faults.map(([path, json]) => [`fault-data/${path}`, json] as const),
		]),
		{ headers: { 'Content-Type': 'text/plain; charset=utf-8' } },
	);
};
