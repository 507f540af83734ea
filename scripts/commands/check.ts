import { defineCommand } from 'citty';
import { checkProject } from '../lib/check.ts';

/** `kb check`: every content rule without a build; non-zero exit on errors. */
export default defineCommand({
	meta: { name: 'check', description: 'Validate every file in content/ and the rules across files, without building.' },
	args: {
		content: { type: 'string', description: 'Content folder to check', default: 'content' },
		format: { type: 'enum', options: ['text', 'github'], description: 'Output: text (file:line: field: message) or github annotations', default: 'text' },
	},
	run({ args }) {
		const { lines, errors, warnings } = checkProject(args.content, args.format as 'text' | 'github');
		for (const line of lines) console.log(line);
		console.log(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}.`);
		if (errors > 0) process.exitCode = 1;
	},
});
