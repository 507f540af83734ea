import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_FIXTURE, PLANTED, TICKET_FIXTURES } from './support.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
let dir: string;
const kb = (...args: string[]) => {
	const r = spawnSync(process.execPath, ['scripts/kb.ts', 'tickets', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: {
			...process.env,
			KB_TICKET_STORE: join(dir, 'store.duckdb'),
			KB_TICKET_SALT: 'cli-test-salt-0123456789',
		},
	});
	return { code: r.status, out: r.stdout, err: r.stderr };
};
const REPORT = [
	'--content',
	CONTENT_FIXTURE,
	'--until',
	'2026-03-08',
	'--weeks',
	'2',
	'--recent',
	'1',
	'--pareto',
	'0.7',
	'--today',
	'2026-11-26',
];

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'kb-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each test starts Node a few times; on the shared 2-core machine one start can take seconds.
describe('kb tickets', { timeout: 60_000 }, () => {
	it("pulls an export, printing a summary without the customer's details", () => {
		const r = kb(
			'pull',
			join(TICKET_FIXTURES, 'zh-excel.csv'),
			'--rejects',
			join(dir, 'rejects.csv'),
		);

		expect(r.code).toBe(0);
		expect(r.out).toMatch(/new\s+4\n/);
		expect(r.out).toContain(`rejected              4 (see ${join(dir, 'rejects.csv')})`);
		expect(r.out).toContain('row 4 (T-1003): created "2026-13-01 10:00" is not a date and time;');
		for (const secret of Object.values(PLANTED)) expect(r.out + r.err).not.toContain(secret);
	});

	it('reports the flagged faults as JSON and exits 3 with --fail-on missing', () => {
		const r = kb(
			'report',
			...REPORT,
			'--out',
			join(dir, 'report.json'),
			'--json',
			'--fail-on',
			'missing',
		);

		expect(r.code).toBe(3);
		expect(
			(JSON.parse(r.out) as Record<string, unknown>[]).map((f) => [
				f.code,
				f.family,
				f.count,
				f.reasons,
				f.knowledge,
			]),
		).toEqual([
			['E4', 'ac', 3, ['high-frequency'], 'covered'],
			['E-77', 'ac', 1, ['unknown-code'], 'missing'],
		]);
		expect(r.err).toContain('1 flagged fault(s) have no knowledge entry');
		expect(
			(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { schema: unknown }).schema,
		).toBe(1);
	});

	it('prints the draft entries with --dry-run and writes nothing', () => {
		const r = kb('scaffold', ...REPORT, '--dry-run', '--quiet');

		expect(r.code).toBe(0);
		expect(r.out).toContain(`--- ${join(CONTENT_FIXTURE, 'faults', 'ac', 'e-77.yaml')}`);
		expect(() => readFileSync(join(CONTENT_FIXTURE, 'faults', 'ac', 'e-77.yaml'))).toThrow();
	});

	it('lists the drafts it would write as JSON with --dry-run --json', () => {
		const r = kb('scaffold', ...REPORT, '--dry-run', '--json');

		expect([r.code, r.err]).toEqual([0, '']);
		expect(JSON.parse(r.out)).toEqual({
			dryRun: true,
			files: [join(CONTENT_FIXTURE, 'faults', 'ac', 'e-77.yaml')],
			skipped: [],
		});
	});

	it('fails with a code and a fix on a bad argument', () => {
		const r = kb('report', '--weeks', 'many');

		expect(r.code).toBe(1);
		expect(r.err).toBe(
			'error [argument-invalid]: --weeks many is not a whole number of at least 2.\nfix: pass e.g. --weeks 12.\n',
		);
	});

	it('prints a failure as JSON on stdout, and nothing else, with --json', () => {
		const report = kb('report', '--weeks', 'many', '--json');
		const pull = kb('pull', '--json');

		expect([report.code, report.err, JSON.parse(report.out)]).toEqual([
			1,
			'',
			{
				error: {
					code: 'argument-invalid',
					message: '--weeks many is not a whole number of at least 2.',
					fix: 'pass e.g. --weeks 12.',
				},
			},
		]);
		expect([pull.code, pull.err, JSON.parse(pull.out)]).toEqual([
			1,
			'',
			{
				error: {
					code: 'argument-missing',
					message: 'give either an export file or --source <name>.',
					fix: 'run `npm run kb -- tickets pull export.csv` or `npm run kb -- tickets pull --source rt`.',
				},
			},
		]);
	});

	it('refuses an export file that does not exist before opening the store', () => {
		const r = kb('pull', join(dir, 'missing.csv'), '--store', join(dir, 'never.duckdb'));

		expect([r.code, r.out]).toEqual([1, '']);
		expect(r.err).toBe(
			`error [file-missing]: there is no export file at ${join(dir, 'missing.csv')}.\nfix: check the path; npm runs kb from the project root, so give paths relative to it (or absolute).\n`,
		);
		expect(existsSync(join(dir, 'never.duckdb'))).toBe(false);
	});

	it('has --help on every command', () => {
		for (const cmd of [[], ['pull'], ['report'], ['scaffold']]) {
			const r = kb(...cmd, '--help');

			expect(r.code).toBe(0);
			expect(r.out).toContain('USAGE');
		}
	});
});
