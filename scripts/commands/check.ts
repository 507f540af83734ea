import { defineCommand } from 'citty';
import { checkProject } from '../../src/core/check.ts';
import { EXIT, requireContentDir } from '../lib/cli.ts';

/** `kb check`: every content rule and authoring check without a build; non-zero exit on errors only. */
export default defineCommand({
	meta: {
		name: 'check',
		description:
			'Validate every file in content/, the rules across files and the authoring checks, without building.',
	},
	args: {
		content: { type: 'string', description: 'Content folder to check', default: 'content' },
		format: {
			type: 'enum',
			options: ['text', 'github'],
			description: 'Output: text (file:line: field: message) or github annotations',
			default: 'text',
		},
		json: { type: 'boolean', description: 'Print the problems and counts as JSON instead' },
	},
	run({ args }) {
		// The review-date check counts from KB_TODAY when it is set (reproducible runs), else today.
		const report = checkProject(requireContentDir(args.content), args.format);
		if (args.json) {
			console.log(
				JSON.stringify(
					{ errors: report.errors, warnings: report.warnings, problems: report.problems },
					null,
					'\t',
				),
			);
		} else {
			for (const line of report.lines) console.log(line);
			console.log(
				`${report.errors} error${report.errors === 1 ? '' : 's'}, ${report.warnings} warning${report.warnings === 1 ? '' : 's'}.`,
			);
		}
		if (report.errors > 0) process.exitCode = EXIT.failed;
	},
});
