import type { APIRoute } from 'astro';
import { searchFilePaths } from '../../../../data/search.ts';

export const getStaticPaths = () =>
	searchFilePaths((d) => d.index.bodyShards.map((shard, i) => [String(i), shard]));

/** One shard of the body index: symptoms, causes, checks, remedies and document text (online only). */
export const GET: APIRoute = ({ props }) => Response.json(props.json);
