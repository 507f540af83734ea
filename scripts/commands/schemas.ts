import { defineCommand } from 'citty';
import { KbError } from '../../src/core/errors.ts';
import { editorFiles, syncFiles } from '../lib/authoring-json-schema.ts';
import { loadSchemaDocs } from '../lib/authoring-schema-docs.ts';

/** `kb schemas`: regenerates the JSON Schemas and the VS Code wiring from the zod schemas. */
export default defineCommand({
	meta: {
		name: 'schemas',
		description:
			'Write schemas/*.schema.json and .vscode/settings.json (yaml.schemas) from the zod schemas.',
	},
	args: {
		check: {
			type: 'boolean',
			description: 'Write nothing; exit 1 if a generated file is out of date',
		},
	},
	async run({ args }) {
		const files = editorFiles(await loadSchemaDocs(), process.cwd());
		const stale = syncFiles(process.cwd(), files, args.check);
		if (args.check && stale.length > 0)
			throw new KbError(
				'schemas-stale',
				`out of date: ${stale.join(', ')}.`,
				'run `npm run kb -- schemas` and commit the result.',
			);
		console.log(
			stale.length === 0
				? 'The schema files are up to date.'
				: `${args.check ? 'Out of date' : 'Wrote'}: ${stale.join(', ')}`,
		);
	},
});
