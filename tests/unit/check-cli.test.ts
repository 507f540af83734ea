import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, type FixtureCopy } from '../helpers/fixture.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let copy: FixtureCopy | undefined;
afterEach(() => copy?.dispose());

/** Runs `kb <args>` with the Node running the tests, from the project root. */
function kb(...args: string[]) {
	const run = spawnSync(process.execPath, ['scripts/kb.ts', ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, KB_TODAY: '2026-11-26' },
	});
	return { code: run.status, out: run.stdout.trim().split('\n'), err: run.stderr };
}

// Each test starts Node; on the shared 2-core machine that can take seconds.
describe('kb check', { timeout: 60_000 }, () => {
	it('exits 0 when there are warnings only', () => {
		copy = copyFixture();

		const run = kb('check', '--content', copy.dir);

		expect(run.code).toBe(0);
		expect(run.out.at(-1)).toBe('0 errors, 3 warnings.');
	});

	it('exits 1 when there is an error, and prints it before the warnings', () => {
		copy = copyFixture();
		copy.edit('faults/ac/f07.yaml', (t) => t.replace('priority: P3', 'priority: P5'));

		const run = kb('check', '--content', copy.dir);

		expect(run.code).toBe(1);
		expect(run.out[0]).toMatch(
			/faults\/ac\/f07\.yaml:9: priority: "P5" is not a priority; use one of P1, P2, P3, P4\.$/,
		);
		expect(run.out.at(-1)).toBe('1 error, 2 warnings.');
	});

	it('prints GitHub annotations with --format github', () => {
		copy = copyFixture();

		const run = kb('check', '--content', copy.dir, '--format', 'github');

		expect(run.out.filter((l) => l.startsWith('::warning file='))).toHaveLength(3);
	});

	it('prints the problems as JSON with --json', () => {
		copy = copyFixture();

		const run = kb('check', '--content', copy.dir, '--json');

		const report = JSON.parse(run.out.join('\n')) as {
			errors: number;
			warnings: number;
			problems: { field: string }[];
		};
		expect([report.errors, report.warnings]).toEqual([0, 3]);
		expect(report.problems.map((p) => p.field)).toEqual(['sop', 'sop', '']);
	});

	it('refuses a content folder that does not exist, in text and as JSON', () => {
		const text = kb('check', '--content', '/nonexistent/content');
		const json = kb('check', '--content', '/nonexistent/content', '--json');

		expect([text.code, text.out, text.err]).toEqual([
			1,
			[''],
			'error [content-missing]: there is no content folder at /nonexistent/content.\nfix: pass --content <folder>, or run the command from the project root (npm does), where content/ is.\n',
		]);
		expect([json.code, json.err]).toEqual([1, '']);
		expect(JSON.parse(json.out.join('\n'))).toEqual({
			error: {
				code: 'content-missing',
				message: 'there is no content folder at /nonexistent/content.',
				fix: 'pass --content <folder>, or run the command from the project root (npm does), where content/ is.',
			},
		});
	});
});
