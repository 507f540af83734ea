import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyFixture, type FixtureCopy } from '../helpers/fixture.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIX_PATH =
	'check the path; npm runs kb from the project root, so give paths relative to it (or absolute).';
let copy: FixtureCopy | undefined;
let scratch: string | undefined;
afterEach(() => {
	copy?.dispose();
	if (scratch) rmSync(scratch, { recursive: true, force: true });
	[copy, scratch] = [undefined, undefined];
});

/** Runs `kb <args>` with the Node running the tests, from `cwd` (default the project root). */
function kb(args: string[], cwd = ROOT) {
	const run = spawnSync(process.execPath, [join(ROOT, 'scripts', 'kb.ts'), ...args], {
		cwd,
		encoding: 'utf8',
		env: { ...process.env, KB_TODAY: '2026-11-26' },
	});
	return { code: run.status, out: run.stdout, err: run.stderr };
}

// Every command reports a refusal the same way: two lines on stderr, exit 1, nothing on stdout.
// Each case starts Node once; on the shared 2-core machine that can take seconds.
describe('kb <command> failures', { timeout: 60_000 }, () => {
	it.each<[string, (dir: string) => string[], (dir: string) => string]>([
		[
			'new',
			(dir) => ['new', 'fault', 'fridge', 'E1', '--content', dir],
			() => 'error [family-unknown]: There is no family called fridge.\nfix: Use one of: ac.\n',
		],
		[
			'revise',
			(dir) => ['revise', 'onsite', '--content', dir],
			() =>
				'error [NO_SUCH_DOCUMENT]: There is no SOP or checklist called onsite.\nfix: Use one of: sops/onsite-visit, checklists/onsite-preparation.\n',
		],
		[
			'approve',
			(dir) => ['approve', '--content', dir],
			() =>
				'error [argument-missing]: No document was named.\nfix: Run `npm run kb -- approve <slug> --by <name>`.\n',
		],
		[
			'approve without --by',
			(dir) => ['approve', 'onsite-visit', '--content', dir],
			() =>
				'error [argument-missing]: No approver was given.\nfix: Say who approves it: `--by "Service manager"`.\n',
		],
		[
			'import-faults with an unknown family',
			(dir) => ['import-faults', 'codes.csv', '--family', 'fridge', '--content', dir],
			(dir) =>
				`error [family-unknown]: there is no family fridge in ${dir}/families/.\nfix: create ${dir}/families/fridge.yaml first, or map a family column.\n`,
		],
		[
			'import-faults with a missing table',
			(dir) => ['import-faults', '/nonexistent/codes.csv', '--family', 'ac', '--content', dir],
			() =>
				`error [file-missing]: there is no table at /nonexistent/codes.csv.\nfix: ${FIX_PATH}\n`,
		],
		[
			'revise without a document (citty)',
			(dir) => ['revise', '--content', dir],
			() =>
				'error [argument-missing]: Missing required positional argument: DOC.\nfix: run `npm run kb -- revise --help` for the commands and options.\n',
		],
	])('%s', (_name, args, expected) => {
		copy = copyFixture();

		const r = kb(args(copy.dir));

		expect(r).toEqual({ code: 1, out: '', err: expected(copy.dir) });
	});

	it('schemas --check names the stale files', () => {
		scratch = mkdtempSync(join(tmpdir(), 'kb-schemas-'));

		const r = kb(['schemas', '--check'], scratch);

		expect([r.code, r.out]).toEqual([1, '']);
		expect(r.err).toMatch(
			/^error \[schemas-stale\]: out of date: (schemas\/[a-z-]+\.schema\.json, )+\.vscode\/settings\.json\.\nfix: run `npm run kb -- schemas` and commit the result\.\n$/,
		);
	});

	it('prints only the error as JSON on stdout with --json', () => {
		copy = copyFixture();

		const r = kb(['revise', 'onsite', '--content', copy.dir, '--json']);

		expect([r.code, r.err]).toEqual([1, '']);
		expect(JSON.parse(r.out)).toEqual({
			error: {
				code: 'NO_SUCH_DOCUMENT',
				message: 'There is no SOP or checklist called onsite.',
				fix: 'Use one of: sops/onsite-visit, checklists/onsite-preparation.',
			},
		});
	});
});

describe('kb import-faults --json', { timeout: 60_000 }, () => {
	it('prints the counts and the rejected rows as JSON only', () => {
		copy = copyFixture();
		scratch = mkdtempSync(join(tmpdir(), 'kb-import-'));
		writeFileSync(
			join(scratch, 'codes.csv'),
			'code,title,remedy,causes\nE9,Fan stuck,,\n,No code,,\n',
		);

		const r = kb([
			'import-faults',
			join(scratch, 'codes.csv'),
			'--family',
			'ac',
			'--content',
			copy.dir,
			'--json',
		]);

		expect([r.code, r.err]).toEqual([0, '']);
		expect(JSON.parse(r.out)).toEqual({
			rows: 2,
			created: 1,
			updated: 0,
			unchanged: 0,
			'kept-edited': 0,
			'kept-authored': 0,
			families: 0,
			rejected: [{ row: 3, reason: 'the code column is empty; every row needs a code.' }],
		});
	});
});
