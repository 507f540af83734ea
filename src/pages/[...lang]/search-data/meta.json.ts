import type { APIRoute } from 'astro';
import { perLocale } from '../../../data/routes.ts';
import { searchData } from '../../../data/search.ts';
import type { SiteLocale } from '../../../lib/i18n.ts';

// The dev server serves these files one by one; a build writes them all at once (data-files.json.ts).
export const getStaticPaths = () => (import.meta.env.DEV ? perLocale() : []);

/** What the search reads first: how the index is sharded and the labels its cards need. */
export const GET: APIRoute = async ({ props }) =>
	Response.json((await searchData((props as { locale: SiteLocale }).locale)).meta);
