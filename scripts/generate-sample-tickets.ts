/**
 * Generates the sample ticket export (deterministic for a seed) and, with `--report`, pulls it
 * into a throwaway store and writes the site's report from it:
 *
 *   node scripts/generate-sample-tickets.ts --report                # regenerates src/data/trends/report.json
 *   node scripts/generate-sample-tickets.ts --out sample.csv        # just the CSV, to try `kb tickets pull`
 *
 * The CSV carries made-up names, phone numbers and addresses, which the pull drops.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from './lib/tickets/atomic.ts';
import { loadCatalogue } from './lib/tickets/catalogue.ts';
import { addDays } from '../src/lib/time.ts';
import { pullFile } from './lib/tickets/pull.ts';
import { buildReport, DEFAULT_REPORT, REPORT_DEFAULTS, writeReport } from './lib/tickets/report.ts';
import { SAMPLE_DEFAULTS, sampleRows, toCsv } from './lib/tickets/sample.ts';
import { openStore } from './lib/tickets/store.ts';
import { formatReportSummary } from './lib/tickets/summary.ts';

const { values } = parseArgs({
	options: {
		out: { type: 'string', default: '.kb/sample-tickets.csv' },
		seed: { type: 'string', default: String(SAMPLE_DEFAULTS.seed) },
		end: { type: 'string', default: SAMPLE_DEFAULTS.end },
		weeks: { type: 'string', default: String(SAMPLE_DEFAULTS.weeks) },
		'per-week': { type: 'string', default: String(SAMPLE_DEFAULTS.perWeek) },
		content: { type: 'string', default: process.env.KB_CONTENT_DIR || 'content' },
		report: { type: 'boolean', default: false },
		'report-file': { type: 'string', default: DEFAULT_REPORT },
		help: { type: 'boolean', short: 'h', default: false },
	},
});

if (values.help) {
	console.log(
		'Usage: node scripts/generate-sample-tickets.ts [--out file.csv] [--seed N] [--end YYYY-MM-DD] [--weeks N] [--per-week N] [--content dir] [--report [--report-file path]]',
	);
	process.exit(0);
}

const catalogue = loadCatalogue(values.content);
const options = {
	...SAMPLE_DEFAULTS,
	seed: Number(values.seed),
	end: values.end,
	weeks: Number(values.weeks),
	perWeek: Number(values['per-week']),
};
const rows = [...sampleRows(catalogue, options)];
writeFileAtomic(values.out, toCsv(rows));
console.log(
	`wrote ${values.out}: ${rows.length - 1} tickets, ${options.weeks} weeks to ${options.end}, seed ${options.seed}`,
);

if (values.report) {
	// A throwaway store and a fixed salt: the report holds no hashes, and the same CSV gives the same report.
	const dir = mkdtempSync(join(tmpdir(), 'kb-sample-'));
	const store = await openStore(join(dir, 'sample.duckdb'));
	try {
		const pulled = await pullFile({
			file: values.out,
			store,
			salt: 'sample-data-salt-not-secret',
			rejectsFile: join(dir, 'rejects.csv'),
		});
		console.log(
			`pulled ${pulled.inserted} tickets, rejected ${pulled.rejected} (the two planted bad rows)`,
		);
		const report = await buildReport(store, catalogue, {
			...REPORT_DEFAULTS,
			until: options.end,
			asOf: addDays(options.end, 4),
		});
		writeReport(values['report-file'], report);
		console.log(formatReportSummary(report, values['report-file']));
	} finally {
		store.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
