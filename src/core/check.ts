import { today } from '../lib/time.ts';
import { checkAuthoringRules } from './rules/authoring.ts';
import { formatGithub, formatProblem, type Problem } from './problems.ts';
import { validateContent } from './validate.ts';

/** The result of `kb check`: the problems, the lines to print and the counts. */
export interface CheckReport {
	problems: Problem[];
	lines: string[];
	errors: number;
	warnings: number;
}

/** Options of {@link checkProject}. */
export interface CheckOptions {
	/** What problem paths are relative to (default: the current directory). */
	root?: string;
	/** The project folder with `src/pages/` and `public/`, for the link check (default: the current directory). */
	siteDir?: string;
	/** Today as YYYY-MM-DD for the review-date check (default: KB_TODAY, else today in Asia/Shanghai). */
	today?: string;
}

/**
 * Checks a content folder: the schemas and cross-file rules a build enforces, then the authoring
 * checks (approved revisions unchanged, links, alt text, translations, reviews due, coverage).
 * Errors come first; within a severity, problems keep the order the checks found them.
 */
export function checkProject(
	contentDir: string,
	format: 'text' | 'github' = 'text',
	options: CheckOptions = {},
): CheckReport {
	const root = options.root ?? process.cwd();
	const { content, problems: blocking } = validateContent(contentDir, root, {
		approvedManifest: true,
	});
	const problems = [
		...blocking,
		...checkAuthoringRules(content, {
			contentDir,
			root,
			siteDir: options.siteDir ?? process.cwd(),
			today: options.today ?? today(),
		}),
	];
	const sorted = [...problems].sort((a, b) =>
		a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
	);
	const render = format === 'github' ? formatGithub : formatProblem;
	return {
		problems: sorted,
		lines: sorted.map((p) =>
			format === 'github'
				? render(p)
				: `${render(p)}${p.severity === 'warning' ? ' (warning)' : ''}`,
		),
		errors: problems.filter((p) => p.severity === 'error').length,
		warnings: problems.filter((p) => p.severity === 'warning').length,
	};
}
