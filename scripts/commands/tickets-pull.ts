import { defineCommand } from 'citty';
import { KbError } from '../../src/core/errors.ts';
import { EXIT, requireFile } from '../lib/cli.ts';
import { closeStore, intArg, timezoneArg, useStore } from '../lib/tickets/args.ts';
import { loadMapping } from '../lib/tickets/mapping.ts';
import { createProgress, SILENT } from '../lib/tickets/progress.ts';
import { pullFile } from '../lib/tickets/pull.ts';
import { loadSalt } from '../lib/tickets/secret.ts';
import { DEFAULT_STORE } from '../lib/tickets/store.ts';
import { formatPullSummary } from '../lib/tickets/summary.ts';
import { pullConfiguredSource } from '../lib/tickets/connectors/run.ts';

/** `kb tickets pull`: one export file, or a configured ticket system, into the store. */
export default defineCommand({
	meta: {
		name: 'pull',
		description:
			'Pull an export file (CSV, NDJSON, JSON, XLSX) or a configured ticket system (--source) into the local store.',
	},
	args: {
		file: {
			type: 'positional',
			required: false,
			description:
				'Export file: .csv/.tsv (UTF-8, UTF-8 with BOM, GB18030/GBK), .ndjson/.jsonl, .json, .xlsx',
		},
		mapping: {
			type: 'string',
			description:
				'Mapping file (YAML/JSON) naming the columns; default: the preset that fits the headers',
		},
		encoding: {
			type: 'string',
			description: 'Override the detected CSV encoding: utf-8, gb18030 (also gbk), utf-16le',
		},
		timezone: {
			type: 'string',
			description:
				"Time zone of times written without an offset (default: the mapping's, else Asia/Shanghai)",
		},
		source: {
			type: 'string',
			description: 'Pull a ticket system configured in the sources file instead of a file',
		},
		config: {
			type: 'string',
			description: 'Sources file for --source (default .kb/sources.yaml, or KB_TICKET_SOURCES)',
		},
		store: {
			type: 'string',
			description: `Ticket store (default ${DEFAULT_STORE}, or KB_TICKET_STORE)`,
		},
		rejects: {
			type: 'string',
			description: 'Rejects file (default rejects/<source>.csv beside the store)',
		},
		json: { type: 'boolean', description: 'Print the summary as JSON', default: false },
		quiet: { type: 'boolean', description: 'No progress output', default: false },
		'fail-on': {
			type: 'enum',
			options: ['rejects'],
			description: 'Exit with code 4 when any row was rejected',
		},
		'batch-size': {
			type: 'string',
			description: 'Tickets per stored batch for --source (default 500)',
		},
	},
	async run({ args }) {
		if (!args.file === !args.source)
			throw new KbError(
				'argument-missing',
				'give either an export file or --source <name>.',
				'run `npm run kb -- tickets pull export.csv` or `npm run kb -- tickets pull --source rt`.',
			);
		if (args.file) requireFile(args.file, 'export file');
		const [timezone, batchSize] = [
			timezoneArg(args.timezone),
			intArg('batch-size', args['batch-size'], 500),
		];
		const mapping = args.mapping ? loadMapping(args.mapping) : undefined;
		const progress = args.quiet || args.json ? SILENT : createProgress();
		const common = {
			store: await useStore(args),
			salt: loadSalt(),
			timezone,
			rejectsFile: args.rejects,
			progress,
		};
		const summary = args.source
			? await pullConfiguredSource({
					...common,
					name: args.source,
					configFile: args.config,
					batchSize,
				})
			: await pullFile({ ...common, file: args.file!, mapping, encoding: args.encoding });
		console.log(args.json ? JSON.stringify(summary, null, 2) : formatPullSummary(summary));
		if (args['fail-on'] === 'rejects' && summary.rejected > 0) process.exitCode = EXIT.rejects;
	},
	cleanup: closeStore,
});
