import { defineCommand } from 'citty';
import { today } from '../../src/lib/time.ts';
import { reviseDocument } from '../lib/authoring-revise.ts';
import { requireContentDir } from '../lib/cli.ts';

/** `kb revise <doc>`: the next revision of an SOP or checklist, as a draft copy of the current one. */
export default defineCommand({
	meta: {
		name: 'revise',
		description:
			'Start the next revision of an SOP or checklist as a draft copy of the current one.',
	},
	args: {
		doc: {
			type: 'positional',
			description: 'SOP or checklist slug (sops/<slug> or checklists/<slug> when both exist)',
			required: true,
		},
		major: {
			type: 'boolean',
			description: 'Next major revision (2.1 → 3.0) instead of minor (2.1 → 2.2)',
		},
		content: { type: 'string', description: 'Content folder', default: 'content' },
		json: { type: 'boolean', description: 'Print the result as JSON' },
	},
	run({ args }) {
		const result = reviseDocument(requireContentDir(args.content), args.doc, {
			major: args.major,
			today: today(),
		});
		if (args.json) {
			console.log(JSON.stringify(result));
			return;
		}
		for (const f of result.files) console.log(`created ${args.content}/${f}`);
		console.log(
			`Revision ${result.revision} is a draft copy of ${result.from}. Make the changes, replace the TODO in changeSummary, then: npm run kb -- approve ${args.doc} --by <name>`,
		);
	},
});
