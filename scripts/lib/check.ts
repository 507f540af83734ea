import { formatGithub, formatProblem } from './problems.ts';
import { validateContent } from './validate-content.ts';

/** The result of `kb check`: the lines to print and the counts. */
export interface CheckReport {
	lines: string[];
	errors: number;
	warnings: number;
}

/** Checks a content folder and formats every problem, errors first. */
export function checkProject(contentDir: string, format: 'text' | 'github' = 'text'): CheckReport {
	const { problems } = validateContent(contentDir);
	const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
	const render = format === 'github' ? formatGithub : formatProblem;
	return {
		lines: sorted.map((p) => (format === 'github' ? render(p) : `${render(p)}${p.severity === 'warning' ? ' (warning)' : ''}`)),
		errors: problems.filter((p) => p.severity === 'error').length,
		warnings: problems.filter((p) => p.severity === 'warning').length,
	};
}
