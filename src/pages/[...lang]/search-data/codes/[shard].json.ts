import type { APIRoute } from 'astro';
import { searchData } from '../../../../data/search.ts';
import { LANGS } from '../../../../data/routes.ts';

export async function getStaticPaths() {
	const paths = await Promise.all(
		LANGS.map(async ({ lang, locale }) => {
			const data = await searchData(locale);
			return [...data.codes.entries()].map(([name, shard]) => ({
				params: { lang, shard: name },
				props: { shard },
			}));
		}),
	);
	return paths.flat();
}

/** One shard of the exact-code map (see src/lib/search-codes.ts). */
export const GET: APIRoute = ({ props }) => Response.json(props.shard);
