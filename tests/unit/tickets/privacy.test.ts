import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../scripts/lib/tickets/catalogue.ts';
import { createProgress } from '../../../scripts/lib/tickets/progress.ts';
import { pullFile } from '../../../scripts/lib/tickets/pull.ts';
import { loadSalt } from '../../../scripts/lib/tickets/secret.ts';
import { buildReport, REPORT_DEFAULTS, writeReport } from '../../../scripts/lib/tickets/report.ts';
import { formatPullSummary, formatReportSummary } from '../../../scripts/lib/tickets/summary.ts';
import { printed } from '../../helpers/kb-error.ts';
import { CONTENT_FIXTURE, PLANTED, SALT, TICKET_FIXTURES, tempStore } from './support.ts';

// Every value the fixture carries that must never leave the export: the customer's name, phone
// and address (in every row, and the phone also inside a symptom text), and the raw serial numbers.
const SECRETS = [PLANTED.name, PLANTED.phone, PLANTED.address, 'SN-0001', 'SN0001'];

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) =>
		statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)],
	);
}

describe('pullFile and buildReport (privacy)', () => {
	it('keep the planted name, phone, address and serial out of the store, the report, the rejects and the logs', async () => {
		const ctx = await tempStore();
		let log = '';
		const write = (chunk: Buffer, _: BufferEncoding, done: () => void) => {
			log += String(chunk);
			done();
		};
		const stream = Object.assign(new Writable({ write }), { isTTY: false });
		try {
			const summary = await pullFile({
				file: join(TICKET_FIXTURES, 'zh-excel.csv'),
				store: ctx.store,
				salt: SALT,
				rejectsFile: join(ctx.dir, 'rejects.csv'),
				progress: createProgress(stream),
			});
			const report = await buildReport(
				ctx.store,
				loadCatalogue(CONTENT_FIXTURE),
				{ ...REPORT_DEFAULTS, until: '2026-03-08', asOf: '2026-11-26' },
				createProgress(stream),
			);
			writeReport(join(ctx.dir, 'report.json'), report);
			log += formatPullSummary(summary) + formatReportSummary(report) + JSON.stringify(summary);

			const tables = await ctx.store.all<{ table_name: string; column_name: string }>(
				"SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND data_type LIKE 'VARCHAR%'",
			);
			const stored: string[] = [];
			for (const { table_name, column_name } of tables) {
				const rows = await ctx.store.all<{ v: unknown }>(
					`SELECT CAST("${column_name}" AS VARCHAR) AS v FROM "${table_name}"`,
				);
				stored.push(...rows.map((r) => String(r.v)));
			}
			ctx.store.close();
			const onDisk = files(ctx.dir).map((f) => readFileSync(f));

			for (const secret of SECRETS) {
				expect(
					stored.some((v) => v.includes(secret)),
					`store holds ${secret}`,
				).toBe(false);
				expect(
					onDisk.some((bytes) => bytes.includes(Buffer.from(secret))),
					`a file holds ${secret}`,
				).toBe(false);
				expect(log.includes(secret), `the log holds ${secret}`).toBe(false);
			}
			expect(stored).toContain('不制冷，客户电话#');
			expect(log).toContain('reading zh-excel.csv');
		} finally {
			ctx.dispose();
		}
	});
});

describe('loadSalt', () => {
	it('refuses a KB_TICKET_SALT too short to keep serial numbers secret', () => {
		expect(printed(() => loadSalt({ KB_TICKET_SALT: 'short' }))).toBe(
			'error [salt-short]: KB_TICKET_SALT is shorter than 16 characters.\nfix: set it to a long random value, e.g. the output of `openssl rand -hex 32`.\n',
		);
	});
});
