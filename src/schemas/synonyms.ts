import { z } from 'zod';

/** One search term: a word or phrase of at least two characters, as a customer or technician says it. */
const TermSchema = z
	.string()
	.trim()
	.refine((s) => Array.from(s.replace(/[\s\p{P}]/gu, '')).length >= 2, {
		error: 'a search term needs at least two letters or characters; one character would match almost every entry.',
	});

/**
 * Words that mean the same to a searcher (`content/synonyms/<topic>.yaml`). A search for any term
 * of a group also finds entries that use another, ranked after entries that use the words
 * searched for. Any language; a term may be part of a longer query (`热水器没有热水`).
 */
export const SynonymsSchema = z.object({
	/**
	 * Groups of terms that stand for each other, e.g. `[没有热水, 不出热水, 不加热]`. Each group has
	 * at least two different terms; a term belongs to one group only (kb check says which two share one).
	 */
	groups: z
		.array(
			z
				.array(TermSchema)
				.min(2, 'a synonym group needs at least two terms.')
				.refine((g) => new Set(g.map((t) => t.normalize('NFKC').toLowerCase())).size === g.length, {
					error: 'a synonym group lists the same term twice; remove the repeat.',
				}),
		)
		.default([]),
	/**
	 * Negation words that stand for each other in a query, e.g. `[没有, 不, 无, 没]`: `没有热水`
	 * also searches `无热水` and `不热水`. At most one list in the whole content set. Default none.
	 */
	negations: z.array(z.string().trim().min(1, 'a negation word cannot be empty.')).default([]),
});
/** A synonyms file. */
export type Synonyms = z.output<typeof SynonymsSchema>;
