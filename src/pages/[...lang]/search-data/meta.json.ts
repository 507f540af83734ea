import type { APIRoute } from 'astro';
import { searchData } from '../../../data/search.ts';
import { perLocale } from '../../../data/routes.ts';
import type { SiteLocale } from '../../../lib/i18n.ts';

export const getStaticPaths = perLocale;

/** How the search data is sharded: the lexicon's bucket count and the code shards that exist. */
export const GET: APIRoute = async ({ props }) => {
	const data = await searchData((props as { locale: SiteLocale }).locale);
	return Response.json({ buckets: data.buckets, codeShards: [...data.codes.keys()].sort() });
};
