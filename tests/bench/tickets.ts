/**
 * Benchmark of `kb tickets pull` + `report` against a bare DuckDB load of the same export, measured
 * in the same run (absolute times depend on the machine; the ratio is what to watch, target ≤ 3×).
 *
 *   node tests/bench/tickets.ts                 1,000,000 rows
 *   node tests/bench/tickets.ts --rows 10000000 10 million rows (about 2.4 GB of CSV, 2 minutes to generate)
 *
 * The export is the sample generator's, scaled: Chinese headers, name, phone and address columns,
 * a planted rising code (wm/F07) and an unknown one (wh/F12). It is cached in tests/bench/.out/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalogue } from '../../scripts/lib/tickets/catalogue.ts';
import { SAMPLE_DEFAULTS, sampleRows } from '../../scripts/lib/tickets/sample.ts';

const { values } = parseArgs({
	options: {
		rows: { type: 'string', default: '1000000' },
		rounds: { type: 'string', default: '2' },
	},
});
const rows = Number(values.rows);
const OUT = join(import.meta.dirname, '.out');
const csv = join(OUT, `tickets-${rows}.csv`);
mkdirSync(OUT, { recursive: true });

if (!existsSync(csv)) {
	const started = performance.now();
	const perWeek = Math.round(rows / SAMPLE_DEFAULTS.weeks);
	const out = createWriteStream(csv);
	let buf = '\ufeff';
	for (const r of sampleRows(loadCatalogue('content'), {
		...SAMPLE_DEFAULTS,
		perWeek,
		risePerDay: perWeek / 7 / 40,
	})) {
		buf += `${r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')}\r\n`;
		if (buf.length > 1 << 20) {
			if (!out.write(buf)) await new Promise<void>((ok) => out.once('drain', () => ok()));
			buf = '';
		}
	}
	out.write(buf);
	await new Promise<void>((ok) => out.end(ok));
	console.log(
		`generated ${csv} (${(statSync(csv).size / 1e6).toFixed(0)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
	);
}

interface Bare {
	load: number;
	loadAndWeekly: number;
	peakMb: number;
}
interface Pipeline {
	pull: number;
	report: number;
	rows: number;
	stored: number;
	rejected: number;
	rising: string[];
	peakMb: number;
}

interface Run {
	bare: Bare;
	pipeline: Pipeline;
}

function step<M extends keyof Run>(mode: M): Run[M] {
	const dir = join(OUT, `run-${mode}`);
	rmSync(dir, { recursive: true, force: true });
	const r = spawnSync(
		process.execPath,
		[join(import.meta.dirname, 'tickets-run.ts'), mode, csv, dir],
		{ encoding: 'utf8', maxBuffer: 1 << 24 },
	);
	if (r.status !== 0) throw new Error(`${mode} failed:\n${r.stderr}`);
	rmSync(dir, { recursive: true, force: true });
	return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Run[M];
}

const results: Run[] = [];
for (let i = 0; i < Number(values.rounds); i++)
	results.push({ bare: step('bare'), pipeline: step('pipeline') });
const best = (pick: (r: (typeof results)[number]) => number) => Math.min(...results.map(pick));
const bare = best((r) => r.bare.load);
const pull = best((r) => r.pipeline.pull);
const total = best((r) => r.pipeline.pull + r.pipeline.report);
const last = results.at(-1)!;
console.log(
	`\n${rows.toLocaleString('en')} rows, best of ${results.length} rounds (node ${process.version}, DuckDB bundled)`,
);
console.table({
	'bare DuckDB load (baseline)': {
		seconds: bare.toFixed(2),
		ratio: '1.00×',
		'peak MB': last.bare.peakMb,
	},
	'bare load + weekly counts': {
		seconds: best((r) => r.bare.loadAndWeekly).toFixed(2),
		ratio: `${(best((r) => r.bare.loadAndWeekly) / bare).toFixed(2)}×`,
		'peak MB': last.bare.peakMb,
	},
	'tickets pull': {
		seconds: pull.toFixed(2),
		ratio: `${(pull / bare).toFixed(2)}×`,
		'peak MB': '',
	},
	'tickets pull + report': {
		seconds: total.toFixed(2),
		ratio: `${(total / bare).toFixed(2)}×`,
		'peak MB': last.pipeline.peakMb,
	},
});
console.log(
	`stored ${last.pipeline.stored.toLocaleString('en')} of ${last.pipeline.rows.toLocaleString('en')} rows (${last.pipeline.rejected} rejected); rising: ${last.pipeline.rising.join(', ') || 'none'}`,
);
console.log(
	`target: pull + report ≤ 3× the bare load → ${total / bare <= 3 ? 'met' : 'missed'}; peak memory ≤ 1024 MB → ${last.pipeline.peakMb <= 1024 ? 'met' : 'missed'}`,
);
