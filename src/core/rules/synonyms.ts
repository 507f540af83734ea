/**
 * The search's synonyms (content/synonyms/): a term may stand in one group only, or a search for
 * it would silently merge two groups; and one file at most lists negation words.
 */
import type { Synonyms } from '../../schemas/synonyms.ts';
import type { LoadedEntry } from '../load.ts';
import type { Problem } from '../problems.ts';

/** Problems across every synonyms file. */
export function checkSynonyms(files: readonly LoadedEntry<Synonyms>[]): Problem[] {
	const problems: Problem[] = [];
	const seen = new Map<string, { file: string; line?: number }>();
	for (const entry of [...files].sort((a, b) => a.id.localeCompare(b.id))) {
		entry.data.groups.forEach((group, g) => {
			group.forEach((term, t) => {
				const key = term.normalize('NFKC').toLowerCase();
				const line = entry.lineOf(['groups', g, t]);
				const first = seen.get(key);
				if (first)
					problems.push({
						file: entry.file,
						line,
						field: `groups.${g}.${t}`,
						severity: 'error',
						message: `"${term}" is already in a synonym group at ${first.file}${first.line ? `:${first.line}` : ''}; a term belongs to one group, so merge the two groups or remove it here.`,
					});
				else seen.set(key, { file: entry.file, line });
			});
		});
	}
	const withNegations = files.filter((f) => f.data.negations.length > 0);
	for (const extra of withNegations.slice(1))
		problems.push({
			file: extra.file,
			line: extra.lineOf(['negations']),
			field: 'negations',
			severity: 'error',
			message: `negation words are already listed in ${withNegations[0]!.file}; keep one list and move these there.`,
		});
	return problems;
}
