import type { APIRoute } from 'astro';
import { searchFilePaths } from '../../../../data/search.ts';

export const getStaticPaths = () => searchFilePaths((d) => [...d.codes.entries()]);

/** One shard of the exact-code map (see src/lib/search-codes.ts). */
export const GET: APIRoute = ({ props }) => Response.json(props.json);
