import type { AstroIntegration } from 'astro';
import { errorsOf, formatProblem } from '../core/problems.ts';
import { validateContent } from '../core/validate.ts';

/**
 * Validates all of `content/` before Astro builds anything, so a bad file stops the build with
 * one `file:line: field: message` line per problem rather than Astro's first-error-only report.
 */
export function contentGuard(contentDir: string): AstroIntegration {
	return {
		name: 'kb-content-guard',
		hooks: {
			'astro:config:setup': ({ command }) => {
				if (command === 'preview') return;
				// A production build also refuses an approved revision edited after approval, with kb check's message.
				const errors = errorsOf(validateContent(contentDir, process.cwd(), { approvedManifest: command === 'build' }).problems);
				if (errors.length === 0) return;
				const lines = errors.map(formatProblem).join('\n');
				const message = `The content has ${errors.length} problem${errors.length === 1 ? '' : 's'}; nothing was built:\n${lines}`;
				throw new Error(message);
			},
		},
	};
}
