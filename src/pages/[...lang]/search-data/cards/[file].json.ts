import type { APIRoute } from 'astro';
import { searchFilePaths } from '../../../../data/search.ts';

export const getStaticPaths = () =>
	searchFilePaths((d) => d.index.cardBlocks.map((block, i) => [String(i), block]));

/** One block of result cards, by document number (see src/lib/search-index.ts). */
export const GET: APIRoute = ({ props }) => Response.json(props.json);
