/**
 * Checks on how the knowledge hangs together: documents past their review date, fault codes
 * with no SOP to follow, etiquette rules nothing cites, document numbers used twice, and guide
 * slugs that collide with a built-in page.
 */
import { DEFAULT_LOCALE, splitLocaleId } from '../../lib/locales.ts';
import { paths } from '../../lib/routes.ts';
import { daysBetween } from '../../lib/time.ts';
import type { SiteRoutes } from '../site-routes.ts';
import type { LoadedContent, LoadedEntry } from '../load.ts';
import { citedRules } from '../mdx-read.ts';
import type { Problem } from '../problems.ts';

/** Current SOPs and checklists whose `reviewDue` is before `today` (YYYY-MM-DD): a warning with the days past. */
export function checkReviewsDue(content: LoadedContent, today: string): Problem[] {
	const current = [
		...content.entries.sops
			.filter((e) => e.id.endsWith(`.${DEFAULT_LOCALE}`))
			.map((e) => ({ e, kind: 'SOP', dir: 'sops' })),
		...content.entries.checklists.map((e) => ({ e, kind: 'checklist', dir: 'checklists' })),
	].filter(({ e }) => e.data.status === 'approved' && e.data.reviewDue < today);
	return current.map(({ e, kind, dir }) => {
		const days = daysBetween(e.data.reviewDue, today);
		const slug = e.id.split('/')[0]!;
		const ref = content.ids[dir === 'sops' ? 'checklists' : 'sops'].some((id) =>
			id.startsWith(`${slug}/`),
		)
			? `${dir}/${slug}`
			: slug;
		const message = `was due on ${e.data.reviewDue}, ${days} day${days === 1 ? '' : 's'} ago; review the ${kind} and issue the result as a new revision (\`npm run kb -- revise ${ref}\`), even if only the review date changes.`;
		return {
			file: e.file,
			line: e.lineOf(['reviewDue']),
			field: 'reviewDue',
			severity: 'warning' as const,
			message,
		};
	});
}

/** Fault codes that name no SOP. */
export function checkFaultsWithoutSop(content: LoadedContent): Problem[] {
	const sops = [...new Set(content.ids.sops.map((id) => id.split('/')[0]!))].sort();
	return content.entries.faults
		.filter((f) => !f.data.sop)
		.map((f) => ({
			file: f.file,
			line: f.lineOf(['code']),
			field: 'sop',
			severity: 'warning' as const,
			message: `fault code ${f.data.code} names no SOP; add \`sop:\` with the procedure a technician should follow (${sops.slice(0, 12).join(', ') || 'no SOP exists yet'}).`,
		}));
}

/** Etiquette rules that no current SOP revision and no guide cites with `<Rule id="…" />`. */
export function checkUncitedRules(content: LoadedContent): Problem[] {
	const citing = [
		...content.entries.sops.filter((s) => s.data.status === 'approved'),
		...content.entries.guides,
	];
	const cited = new Set(citing.flatMap((e) => citedRules(e.parsed!.tree)));
	return content.entries.etiquette
		.filter((r) => !cited.has(r.id))
		.map((r) => ({
			file: r.file,
			field: '',
			severity: 'warning' as const,
			message: `is cited by no current SOP or guide; cite it with <Rule id="${r.id}" /> where a procedure needs it, or remove the rule.`,
		}));
}

/** A `docId` used by two documents (SOPs and checklists share one numbering). */
export function checkDocIds(content: LoadedContent): Problem[] {
	const owners = new Map<string, string>();
	const reported = new Set<string>();
	const problems: Problem[] = [];
	const docs: [string, LoadedEntry<{ docId: string }>][] = [
		...content.entries.sops.map((e): [string, LoadedEntry<{ docId: string }>] => [
			`content/sops/${e.id.split('/')[0]}`,
			e,
		]),
		...content.entries.checklists.map((e): [string, LoadedEntry<{ docId: string }>] => [
			`content/checklists/${e.id.split('/')[0]}`,
			e,
		]),
	];
	for (const [doc, e] of docs) {
		const first = owners.get(e.data.docId);
		if (first === undefined) owners.set(e.data.docId, doc);
		else if (first !== doc) {
			const message = `${e.data.docId} is already the number of ${first}; every controlled document has its own docId, so give this one a new number.`;
			// Once per document, on its first file, not on every revision and language.
			if (!reported.has(doc))
				problems.push({
					file: e.file,
					line: e.lineOf(['docId']),
					field: 'docId',
					severity: 'error',
					message,
				});
			reported.add(doc);
		}
	}
	return problems;
}

/** Guides whose slug is taken by a built-in page under `/guides/` (such as the authoring guide). */
export function checkGuideSlugs(content: LoadedContent, routes: SiteRoutes): Problem[] {
	return content.entries.guides
		.filter((g) => routes.statics.has(paths.guide(splitLocaleId(g.id).base)))
		.map((g) => ({
			file: g.file,
			field: '',
			severity: 'error' as const,
			message: `has the address /${paths.guide(splitLocaleId(g.id).base)}, which is a built-in page of the site; rename the file.`,
		}));
}
