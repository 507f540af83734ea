/**
 * One measured step of the ticket benchmark, run in its own process so its peak memory is its own:
 *   node tests/bench/tickets-run.ts bare <csv> <dir>       a bare DuckDB load of the export (the baseline)
 *   node tests/bench/tickets-run.ts pipeline <csv> <dir>   kb tickets pull + report on the same export
 * Prints one JSON line: seconds per step and the process's peak resident memory.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadCatalogue } from '../../scripts/lib/tickets/catalogue.ts';
import { pullFile } from '../../scripts/lib/tickets/pull.ts';
import { buildReport, REPORT_DEFAULTS, writeReport } from '../../scripts/lib/tickets/report.ts';
import { openStore } from '../../scripts/lib/tickets/store.ts';

const [mode, csv, dir] = process.argv.slice(2) as [string, string, string];
mkdirSync(dir, { recursive: true });
const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (mode === 'bare') {
	const started = performance.now();
	const db = await DuckDBInstance.create(join(dir, 'bare.duckdb'));
	const conn = await db.connect();
	// Typed columns, as a bare load would want them; the export's two planted bad rows are skipped.
	await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv}', ignore_errors = true)`);
	await conn.run('CHECKPOINT');
	const load = (performance.now() - started) / 1000;
	const weekly = await conn.runAndReadAll(
		`SELECT "故障代码", date_trunc('week', "创建时间") AS w, count(*) FROM t GROUP BY ALL`,
	);
	console.log(
		JSON.stringify({
			load,
			loadAndWeekly: (performance.now() - started) / 1000,
			groups: weekly.currentRowCount,
			peakMb: peakMb(),
		}),
	);
	conn.closeSync();
	db.closeSync();
} else {
	const store = await openStore(join(dir, 'tickets.duckdb'));
	let started = performance.now();
	const pulled = await pullFile({
		file: csv,
		store,
		salt: 'bench-salt-0123456789abcdef',
		rejectsFile: join(dir, 'rejects.csv'),
	});
	const pull = (performance.now() - started) / 1000;
	started = performance.now();
	const report = await buildReport(store, loadCatalogue('content'), {
		...REPORT_DEFAULTS,
		asOf: '2026-11-26',
	});
	writeReport(join(dir, 'report.json'), report);
	const reportSeconds = (performance.now() - started) / 1000;
	store.close();
	const rising = report.faults
		.filter((f) => f.reasons.includes('rising'))
		.map((f) => `${f.family}/${f.code}`);
	console.log(
		JSON.stringify({
			pull,
			report: reportSeconds,
			rows: pulled.rows,
			stored: pulled.inserted,
			rejected: pulled.rejected,
			rising,
			peakMb: peakMb(),
		}),
	);
}
