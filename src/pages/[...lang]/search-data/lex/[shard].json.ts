import type { APIRoute } from 'astro';
import { searchData } from '../../../../data/search.ts';
import { LANGS } from '../../../../data/routes.ts';

export async function getStaticPaths() {
	const paths = await Promise.all(
		LANGS.map(async ({ lang, locale }) => {
			const data = await searchData(locale);
			return data.lexicon.map((shard, i) => ({
				params: { lang, shard: String(i) },
				props: { shard },
			}));
		}),
	);
	return paths.flat();
}

/** One lexicon shard (see src/lib/search-lexicon.ts). */
export const GET: APIRoute = ({ props }) => Response.json(props.shard);
