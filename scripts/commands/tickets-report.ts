import { defineCommand } from 'citty';
import { loadCatalogue } from '../lib/tickets/catalogue.ts';
import { EXIT, requireContentDir } from '../lib/cli.ts';
import {
	closeStore,
	dateArg,
	fractionArg,
	intArg,
	timezoneArg,
	useStore,
} from '../lib/tickets/args.ts';
import { createProgress, SILENT } from '../lib/tickets/progress.ts';
import {
	buildReport,
	DEFAULT_REPORT,
	flaggedFaults,
	REPORT_DEFAULTS,
	writeReport,
	type ReportOptions,
} from '../lib/tickets/report.ts';
import { DEFAULT_STORE } from '../lib/tickets/store.ts';
import { formatReportSummary } from '../lib/tickets/summary.ts';

/** The flags `report` and `scaffold` share. */
export const REPORT_ARGS = {
	weeks: { type: 'string', description: `Weeks in the period (default ${REPORT_DEFAULTS.weeks})` },
	recent: {
		type: 'string',
		description: `Newest weeks the rise test compares with the rest (default ${REPORT_DEFAULTS.recentWeeks})`,
	},
	alpha: {
		type: 'string',
		description: `Significance level of the rise and repeat tests (default ${REPORT_DEFAULTS.alpha})`,
	},
	'min-count': {
		type: 'string',
		description: `Minimum recent tickets for "rising" (default ${REPORT_DEFAULTS.minCount})`,
	},
	pareto: {
		type: 'string',
		description: `Share of coded tickets the high-frequency set covers (default ${REPORT_DEFAULTS.paretoShare})`,
	},
	until: {
		type: 'string',
		description: "Last day of data to use, YYYY-MM-DD (default: the newest ticket's day)",
	},
	today: {
		type: 'string',
		description: 'Day SOP review dates are judged on (default today; KB_TODAY)',
	},
	timezone: {
		type: 'string',
		description: 'Business time zone weeks are cut in (default Asia/Shanghai)',
	},
	store: {
		type: 'string',
		description: `Ticket store (default ${DEFAULT_STORE}, or KB_TICKET_STORE)`,
	},
	content: {
		type: 'string',
		description: 'Content folder for the knowledge join (default content, or KB_CONTENT_DIR)',
	},
	quiet: { type: 'boolean', description: 'No progress output', default: false },
} as const;

/** The report options from the shared flags. */
export function reportOptions(args: Record<string, unknown>): ReportOptions {
	const s = (k: string) => (typeof args[k] === 'string' ? args[k] : undefined);
	return {
		timezone: timezoneArg(s('timezone')) ?? REPORT_DEFAULTS.timezone,
		weeks: intArg('weeks', s('weeks'), REPORT_DEFAULTS.weeks, 2),
		recentWeeks: intArg('recent', s('recent'), REPORT_DEFAULTS.recentWeeks),
		alpha: fractionArg('alpha', s('alpha'), REPORT_DEFAULTS.alpha),
		minCount: intArg('min-count', s('min-count'), REPORT_DEFAULTS.minCount),
		paretoShare: fractionArg('pareto', s('pareto'), REPORT_DEFAULTS.paretoShare),
		repeatDays: REPORT_DEFAULTS.repeatDays,
		minRepeats: REPORT_DEFAULTS.minRepeats,
		until: dateArg('until', s('until')),
		asOf: dateArg('today', s('today')),
	};
}

/** `kb tickets report`: trends, KPIs and the knowledge join, written for the site. */
export default defineCommand({
	meta: {
		name: 'report',
		description:
			"Analyse the stored tickets: weekly counts, high-frequency and rising faults, repeat repairs, KPIs, knowledge gaps. Writes the site's report.",
	},
	args: {
		...REPORT_ARGS,
		json: {
			type: 'boolean',
			description:
				'Print the flagged faults as JSON (code, family, count, reasons, knowledge, evidence)',
			default: false,
		},
		out: {
			type: 'string',
			description: `Report file the site builds from (default ${DEFAULT_REPORT}); "-" writes none`,
		},
		'fail-on': {
			type: 'enum',
			options: ['missing'],
			description: 'Exit with code 3 when a flagged fault has no knowledge entry (for CI)',
		},
	},
	async run({ args }) {
		const options = reportOptions(args);
		const progress = args.quiet || args.json ? SILENT : createProgress();
		const catalogue = loadCatalogue(
			requireContentDir(args.content || process.env.KB_CONTENT_DIR || 'content'),
		);
		if (catalogue.problems > 0)
			process.stderr.write(
				`warning: ${catalogue.problems} content problem(s); entries in broken files count as missing. Run \`npm run kb -- check\`.\n`,
			);
		const report = await buildReport(await useStore(args), catalogue, options, progress);
		const out = args.out ?? DEFAULT_REPORT;
		if (out !== '-') writeReport(out, report);
		console.log(
			args.json
				? JSON.stringify(flaggedFaults(report), null, 2)
				: formatReportSummary(report, out === '-' ? undefined : out),
		);
		const missing = flaggedFaults(report).filter((f) => f.knowledge === 'missing').length;
		if (args['fail-on'] === 'missing' && missing > 0) {
			process.stderr.write(
				`${missing} flagged fault(s) have no knowledge entry; scaffold them with \`npm run kb -- tickets scaffold\`.\n`,
			);
			process.exitCode = EXIT.missingKnowledge;
		}
	},
	cleanup: closeStore,
});
