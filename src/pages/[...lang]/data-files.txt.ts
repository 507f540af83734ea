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
	// One locale at a time, one kind of data at a time: the build renders pages in parallel, and
	// two catalogues' indexes under construction at once set the memory peak of a 10,000-entry build.
	const turn = queue.then(async () => {
		const search = encodeDataFiles(
			prefixed('search-data/', searchFiles(await buildSearchData(locale))),
		);
		const faults = encodeDataFiles(
			prefixed('fault-data/', faultDataFiles(await buildFaultData(locale))),
		);
		return search + faults;
	});
	queue = turn.then(
		() => undefined,
		() => undefined,
	);
	return new Response(await turn, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};

let queue: Promise<unknown> = Promise.resolve();

function prefixed(folder: string, files: [string, unknown][]): [string, unknown][] {
	return files.map(([path, json]) => [folder + path, json]);
}
