import type { APIRoute } from 'astro';
import { faultData } from '../../../data/fault-data.ts';
import { LANGS } from '../../../data/routes.ts';

// The dev server serves these files one by one; a build writes them all at once (data-files.json.ts).
export async function getStaticPaths() {
	if (!import.meta.env.DEV) return [];
	const paths = await Promise.all(
		LANGS.map(async ({ lang, locale }) => {
			const data = await faultData(locale);
			return [...data.byBlock.entries()].map(([n, block]) => ({
				params: { lang, block: String(n) },
				props: { block },
			}));
		}),
	);
	return paths.flat();
}

/**
 * One block of the offline fault data (src/lib/fault-data.ts), compact JSON: every service
 * worker precaches these, and the offline fault view reads one per entry.
 */
export const GET: APIRoute = ({ props }) => Response.json(props.block);
