import type { APIRoute } from 'astro';
import { searchFilePaths } from '../../../../data/search.ts';

// The dev server serves these files one by one; a build writes them all at once (data-files.json.ts).
export const getStaticPaths = () => (import.meta.env.DEV ? searchFilePaths('title') : []);

/** One shard of the title index: titles, codes, aliases and family names (see src/lib/search-index.ts). */
export const GET: APIRoute = ({ props }) => Response.json(props.json);
