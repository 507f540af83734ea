import { z } from 'zod';

/** Frontmatter of a free page: `content/guides/<slug>.<locale>.mdx`. */
export const GuideSchema = z.object({
	/** Title in this file's language. */
	title: z.string().trim().min(1, 'give the page a title.'),
	/** One-line description, shown in lists and search results. */
	description: z.string().trim().min(1, 'write a one-line description.'),
	/** Position in the guides list, smallest first. */
	order: z.number().int().default(100),
});
/** Validated guide frontmatter. */
export type Guide = z.output<typeof GuideSchema>;
