import { defineCommand } from 'citty';
import { recordApproved } from '../../src/core/manifest.ts';
import { today } from '../../src/lib/time.ts';
import { KbError } from '../../src/core/errors.ts';
import { approveDocument } from '../lib/authoring-approve.ts';
import { requireContentDir } from '../lib/cli.ts';

/** `kb approve <doc> --by <name>`: the draft becomes current, the previous revision superseded. */
export default defineCommand({
	meta: {
		name: 'approve',
		description:
			'Approve the draft revision of an SOP or checklist; the previous approved revision becomes superseded.',
	},
	args: {
		doc: {
			type: 'positional',
			description: 'SOP or checklist slug (sops/<slug> or checklists/<slug> when both exist)',
			required: false,
		},
		by: { type: 'string', description: 'Who approves it (name or role)' },
		effective: {
			type: 'string',
			description:
				"Date it takes effect, YYYY-MM-DD (default: today, or the day after the previous revision's)",
		},
		'review-due': {
			type: 'string',
			description: 'Date of the next review, YYYY-MM-DD (default: a year after it takes effect)',
		},
		record: {
			type: 'boolean',
			description:
				'Instead: record hashes of approved revisions not yet in content/.approved.json (revisions approved before the manifest or by hand)',
		},
		content: { type: 'string', description: 'Content folder', default: 'content' },
		json: { type: 'boolean', description: 'Print the result as JSON' },
	},
	run({ args }) {
		requireContentDir(args.content);
		if (args.record) {
			const added = recordApproved(args.content);
			if (args.json) {
				console.log(JSON.stringify({ recorded: added }));
				return;
			}
			console.log(
				added.length === 0
					? 'Every approved revision already has its hash.'
					: `Recorded ${added.length} approved revision file${added.length === 1 ? '' : 's'} in ${args.content}/.approved.json.`,
			);
			return;
		}
		if (!args.doc)
			throw new KbError(
				'argument-missing',
				'No document was named.',
				'Run `npm run kb -- approve <slug> --by <name>`.',
			);
		if (!args.by)
			throw new KbError(
				'argument-missing',
				'No approver was given.',
				'Say who approves it: `--by "Service manager"`.',
			);
		const result = approveDocument(args.content, args.doc, {
			by: args.by,
			today: today(),
			effective: args.effective,
			reviewDue: args['review-due'],
		});
		if (args.json) {
			console.log(JSON.stringify(result));
			return;
		}
		console.log(
			`Approved revision ${result.approved.revision} of ${result.doc.kind}/${result.doc.slug}: effective ${result.effective}, review due ${result.reviewDue}.`,
		);
		if (result.superseded) console.log(`Revision ${result.superseded.revision} is now superseded.`);
		console.log(
			`Recorded ${result.recorded.length} file hash${result.recorded.length === 1 ? '' : 'es'} in ${args.content}/.approved.json; commit it with the revision.`,
		);
	},
});
