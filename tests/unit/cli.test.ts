import { defineCommand } from 'citty';
import { afterEach, describe, expect, it } from 'vitest';
import { KbError } from '../../src/core/errors.ts';
import { runCli } from '../../scripts/lib/cli.ts';

const refusal = new KbError(
	'store-empty',
	'the ticket store x.duckdb holds no tickets.',
	'pull an export first.',
);
const events: string[] = [];

const report = defineCommand({
	meta: { name: 'report', description: 'A command that fails the way it is told to.' },
	args: {
		fail: { type: 'enum', options: ['kb', 'bug', 'no'], default: 'no', description: 'How to fail' },
		json: { type: 'boolean', description: 'JSON output' },
		weeks: { type: 'string', required: true, description: 'Weeks' },
	},
	setup: () => void events.push('open'),
	cleanup: () => void events.push('close'),
	run({ args }) {
		if (args.fail === 'kb') throw refusal;
		if (args.fail === 'bug') throw new TypeError('cannot read properties of undefined');
		console.log('done');
	},
});
const main = defineCommand({
	meta: { name: 'kb', description: 'Test CLI' },
	subCommands: { tickets: defineCommand({ meta: { name: 'tickets' }, subCommands: { report } }) },
});

/** Runs the test CLI and collects what it writes and its exit code. */
async function run(...rawArgs: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	await runCli(main, { rawArgs, stdout: (t) => out.push(t), stderr: (t) => err.push(t) });
	return { code: process.exitCode ?? 0, out: out.join(''), err: err.join('') };
}

afterEach(() => {
	process.exitCode = undefined;
	events.length = 0;
});

describe('runCli', () => {
	it('prints a KbError as two lines on stderr and exits 1, after the command cleaned up', async () => {
		const r = await run('tickets', 'report', '--weeks', '2', '--fail', 'kb');

		expect(r).toEqual({
			code: 1,
			out: '',
			err: 'error [store-empty]: the ticket store x.duckdb holds no tickets.\nfix: pull an export first.\n',
		});
		expect(events).toEqual(['open', 'close']);
	});

	it('prints only the error as JSON on stdout when the command was given --json', async () => {
		const r = await run('tickets', 'report', '--weeks', '2', '--fail', 'kb', '--json');

		expect(r.code).toBe(1);
		expect(r.err).toBe('');
		expect(JSON.parse(r.out)).toEqual({
			error: {
				code: 'store-empty',
				message: 'the ticket store x.duckdb holds no tickets.',
				fix: 'pull an export first.',
			},
		});
	});

	it("reports citty's usage errors in the same format, with the command's --help as the fix", async () => {
		const missing = await run('tickets', 'report');
		const invalid = await run('tickets', 'report', '--weeks', '2', '--fail', 'maybe');
		const unknown = await run('tickets', 'reprot');
		const none = await run();

		expect([missing, invalid, unknown, none]).toEqual([
			{
				code: 1,
				out: '',
				err: 'error [argument-missing]: Missing required argument: --weeks.\nfix: run `npm run kb -- tickets report --help` for the commands and options.\n',
			},
			{
				code: 1,
				out: '',
				err: 'error [argument-invalid]: Invalid value for argument: --fail (maybe). Expected one of: kb, bug, no.\nfix: run `npm run kb -- tickets report --help` for the commands and options.\n',
			},
			{
				code: 1,
				out: '',
				err: 'error [command-unknown]: Unknown command reprot.\nfix: run `npm run kb -- tickets --help` for the commands and options.\n',
			},
			{
				code: 1,
				out: '',
				err: 'error [command-missing]: No command specified.\nfix: run `npm run kb -- --help` for the commands and options.\n',
			},
		]);
	});

	it('prints the stack of an unexpected error and exits 1', async () => {
		const r = await run('tickets', 'report', '--weeks', '2', '--fail', 'bug');

		expect(r.code).toBe(1);
		expect(r.out).toBe('');
		expect(r.err).toMatch(/^TypeError: cannot read properties of undefined\n {4}at /);
	});

	it('keeps stdout JSON for an unexpected error under --json, with the stack on stderr', async () => {
		const r = await run('tickets', 'report', '--weeks', '2', '--fail', 'bug', '--json');

		expect(JSON.parse(r.out)).toEqual({
			error: {
				code: 'internal-error',
				message: 'cannot read properties of undefined',
				fix: 'This is a bug in kb: report it with the stack trace printed on stderr.',
			},
		});
		expect(r.err).toMatch(/^TypeError: cannot read properties of undefined\n/);
		expect(r.code).toBe(1);
	});

	it('prints the usage of the named command on --help and exits 0', async () => {
		const r = await run('tickets', 'report', '--help');

		expect(r.code).toBe(0);
		expect(r.out).toContain('USAGE');
		expect(r.out).toContain('--weeks');
		expect(events).toEqual([]);
	});
});
