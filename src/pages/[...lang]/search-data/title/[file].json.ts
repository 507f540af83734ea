import type { APIRoute } from 'astro';
import { searchFilePaths } from '../../../../data/search.ts';

export const getStaticPaths = () =>
	searchFilePaths((d) => d.index.titleShards.map((shard, i) => [String(i), shard]));

/** One shard of the title index: titles, codes, aliases and family names (see src/lib/search-index.ts). */
export const GET: APIRoute = ({ props }) => Response.json(props.json);
