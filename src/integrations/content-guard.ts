import type { AstroIntegration } from 'astro';
import { handOffContent } from '../core/handoff.ts';
import { errorsOf, formatProblem } from '../core/problems.ts';
import { validateContent } from '../core/validate.ts';

/**
 * Validates all of `content/` before Astro builds anything, so a bad file stops the build with
 * one `file:line:column: field: message` line per problem rather than Astro's first-error-only
 * report. The lines are logged without a stack trace: the trainer reading them needs the file and
 * the fix, not the guard's call stack.
 */
export function contentGuard(contentDir: string): AstroIntegration {
	return {
		name: 'kb-content-guard',
		hooks: {
			'astro:config:setup': ({ command, logger }) => {
				const report = guardReport(contentDir, command);
				if (!report) return;
				logger.error(report);
				// Exit rather than throw: Astro would print the guard's stack trace under the list.
				process.exit(1);
			},
		},
	};
}

/**
 * What the guard reports for `astro <command>` on `contentDir`, or '' when the content may be
 * built. A production build also refuses an approved revision edited after approval, with
 * `kb check`'s message; `astro dev` lets a trainer preview that fix. `preview` checks nothing.
 */
export function guardReport(contentDir: string, command: string): string {
	if (command === 'preview') return '';
	const { content, problems } = validateContent(contentDir, process.cwd(), {
		approvedManifest: command === 'build',
	});
	const errors = errorsOf(problems);
	if (errors.length === 0) {
		// A build reads each file once: Astro's loaders take what was just parsed (src/core/handoff.ts).
		if (command === 'build') handOffContent(contentDir, content);
		return '';
	}
	return `The content has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was built:\n${errors.map(formatProblem).join('\n')}`;
}
