import { defineCommand } from 'citty';
import { requireContentDir } from '../lib/cli.ts';
import { closeStore, useStore } from '../lib/tickets/args.ts';
import { loadCatalogue } from '../lib/tickets/catalogue.ts';
import { createProgress, SILENT } from '../lib/tickets/progress.ts';
import { buildReport } from '../lib/tickets/report.ts';
import { planScaffold, writeScaffold } from '../lib/tickets/scaffold.ts';
import { REPORT_ARGS, reportOptions } from './tickets-report.ts';

/** `kb tickets scaffold`: draft fault entries for flagged codes the catalogue lacks. */
export default defineCommand({
	meta: {
		name: 'scaffold',
		description:
			'Write a draft content/faults/<family>/<code>.yaml, with the ticket evidence, for each flagged fault whose knowledge is missing.',
	},
	args: {
		...REPORT_ARGS,
		'dry-run': {
			type: 'boolean',
			description: 'Print the drafts instead of writing them',
			default: false,
		},
		json: {
			type: 'boolean',
			description:
				'Print the files written (or, with --dry-run, to be written) and the skipped codes as JSON',
			default: false,
		},
	},
	async run({ args }) {
		const contentDir = requireContentDir(args.content || process.env.KB_CONTENT_DIR || 'content');
		const [options, catalogue] = [reportOptions(args), loadCatalogue(contentDir)];
		const store = await useStore(args);
		const report = await buildReport(
			store,
			catalogue,
			options,
			args.quiet || args.json ? SILENT : createProgress(),
		);
		const plans = await planScaffold(report, store, catalogue, contentDir);
		const skipped = plans.flatMap((p) => ('skipped' in p ? [p.skipped] : []));
		if (args['dry-run']) {
			if (args.json) {
				console.log(
					JSON.stringify(
						{ dryRun: true, files: plans.flatMap((p) => ('file' in p ? [p.file] : [])), skipped },
						null,
						'\t',
					),
				);
				return;
			}
			for (const p of plans)
				console.log('skipped' in p ? `skip ${p.skipped}` : `--- ${p.file}\n${p.yaml}`);
			return;
		}
		const written = writeScaffold(plans);
		if (args.json) {
			console.log(JSON.stringify({ dryRun: false, files: written, skipped }, null, '\t'));
			return;
		}
		for (const file of written) console.log(`wrote ${file}`);
		for (const p of plans) if ('skipped' in p) console.log(`skip  ${p.skipped}`);
		console.log(
			written.length
				? `${written.length} draft(s) written; complete them, then run \`npm run kb -- check\`.`
				: 'No missing entries to scaffold.',
		);
	},
	cleanup: closeStore,
});
