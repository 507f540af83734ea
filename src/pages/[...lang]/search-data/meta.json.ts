import type { APIRoute } from 'astro';
import { perLocale } from '../../../data/routes.ts';
import { searchData } from '../../../data/search.ts';
import type { SiteLocale } from '../../../lib/i18n.ts';

export const getStaticPaths = perLocale;

/** What the search reads first: how the index is sharded and the labels its cards need. */
export const GET: APIRoute = async ({ props }) =>
	Response.json((await searchData((props as { locale: SiteLocale }).locale)).meta);
