import type { KnowledgeState } from '../../../src/schemas/trends-report.ts';
import type { Catalogue, CatalogueFault } from './catalogue.ts';

/** What the knowledge base holds for one flagged code. */
export interface KnowledgeResult {
	knowledge: KnowledgeState;
	/** The entry judged (for an unknown family, the weakest of the families' entries). */
	entry?: CatalogueFault;
	staleBecause?: 'sop-review-due' | 'reviewed-before-rise';
}

/** The facts the join needs about the code's trend. */
export interface KnowledgeContext {
	/** Whether the code is rising, and the first day of the recent weeks. */
	rising: boolean;
	riseStart: string;
	/** The date review dates are judged on (YYYY-MM-DD). */
	asOf: string;
}

/**
 * Joins a code with its catalogue entries: `missing` when there is none, `no-sop` when the entry
 * links no SOP (or one without an approved revision), `stale` when that SOP's review date has
 * passed or, for a rising code, the entry was last reviewed before the rise began (or never),
 * else `covered`. With several candidate entries (the family is unknown), the weakest counts.
 */
export function knowledgeOf(
	entries: readonly CatalogueFault[],
	catalogue: Catalogue,
	ctx: KnowledgeContext,
): KnowledgeResult {
	if (entries.length === 0) return { knowledge: 'missing' };
	const results = entries.map((entry) => judge(entry, catalogue, ctx));
	return results.sort((a, b) => ORDER.indexOf(a.knowledge) - ORDER.indexOf(b.knowledge))[0]!;
}

// --- internal ---

const ORDER: KnowledgeState[] = ['missing', 'no-sop', 'stale', 'covered'];

function judge(
	entry: CatalogueFault,
	catalogue: Catalogue,
	ctx: KnowledgeContext,
): KnowledgeResult {
	const due = entry.sop ? catalogue.sopReviewDue.get(entry.sop) : undefined;
	if (!entry.sop || due === undefined) return { knowledge: 'no-sop', entry };
	if (due < ctx.asOf) return { knowledge: 'stale', entry, staleBecause: 'sop-review-due' };
	if (ctx.rising && (!entry.reviewed || entry.reviewed < ctx.riseStart))
		return { knowledge: 'stale', entry, staleBecause: 'reviewed-before-rise' };
	return { knowledge: 'covered', entry };
}
