import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One query and the pages that must come back for it. */
export interface SearchCase {
	group: string;
	q: string;
	locale: 'zh-CN' | 'en';
	/** Every one of these must be in the top 3. */
	expect?: string[];
	/** At least one of these must be in the top 3. */
	expectAny?: string[];
}

/** Loads every `*.yaml` query set in `dir`. */
export function loadSearchCases(dir: string): SearchCase[] {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.yaml'))
		.sort()
		.flatMap((file) => {
			const doc = parse(readFileSync(join(dir, file), 'utf8')) as {
				group: string;
				cases: (Omit<SearchCase, 'group' | 'locale'> & { locale?: SearchCase['locale'] })[];
			};
			return doc.cases.map((c) => ({ ...c, group: doc.group, locale: c.locale ?? 'zh-CN' }));
		});
}

/** Whether a case is found at rank 1, and within the top 3, given the result paths in order. */
export function judge(c: SearchCase, ranked: readonly string[]): { at1: boolean; at3: boolean } {
	const top3 = ranked.slice(0, 3);
	const targets = [...(c.expect ?? []), ...(c.expectAny ?? [])];
	return {
		at1: targets.includes(ranked[0] ?? ''),
		at3:
			(c.expect ?? []).every((t) => top3.includes(t)) &&
			(!c.expectAny || c.expectAny.some((t) => top3.includes(t))),
	};
}

/** Recall@1 and recall@3 per group, as rows for a printed table. */
export function recallTable(
	rows: readonly { group: string; at1: boolean; at3: boolean }[],
): { group: string; cases: number; recall1: number; recall3: number }[] {
	const groups = [...new Set(rows.map((r) => r.group))];
	return groups.map((group) => {
		const mine = rows.filter((r) => r.group === group);
		return {
			group,
			cases: mine.length,
			recall1: mine.filter((r) => r.at1).length / mine.length,
			recall3: mine.filter((r) => r.at3).length / mine.length,
		};
	});
}
