/**
 * The CLI's one error path, in the manner of citty's `runMain`: {@link runCli} runs the command
 * tree and is the only place a failure becomes output and an exit code. A {@link KbError} prints
 * `error [code]: message` then `fix: …` on stderr (or, when the command was given `--json`, one
 * `{"error":{code,message,fix}}` line on stdout and nothing else); citty's own usage errors are
 * reported the same way; anything else is a bug and prints its stack. Commands only throw.
 */
import { existsSync, statSync } from 'node:fs';
import { renderUsage, runCommand, type CommandDef } from 'citty';
import { KbError } from '../../src/core/errors.ts';

/** Exit codes of every `kb` command, for scheduled jobs. */
export const EXIT = {
	/** Done; rows may have been rejected (see the summary). */
	ok: 0,
	/** A usage, content, configuration or I/O error (a {@link KbError}), or a bug: nothing half-written. */
	failed: 1,
	/** `tickets report --fail-on missing` and at least one flagged fault has no knowledge entry. */
	missingKnowledge: 3,
	/** `tickets pull --fail-on rejects` and at least one row was rejected. */
	rejects: 4,
} as const;

/** What {@link runCli} reads and writes; defaults are the process's. */
export interface CliIo {
	rawArgs?: string[];
	stdout?: (text: string) => void;
	stderr?: (text: string) => void;
}

/**
 * Runs `main` with the command line: usage on `--help`/`-h`, else the command. A failure is
 * reported once, here, and sets `process.exitCode` to {@link EXIT.failed}. A command that
 * finishes but must exit non-zero (`kb check` with errors, `--fail-on`) sets `process.exitCode`.
 */
export async function runCli(main: CommandDef, io: CliIo = {}): Promise<void> {
	const rawArgs = io.rawArgs ?? process.argv.slice(2);
	const stdout = io.stdout ?? ((text) => process.stdout.write(text));
	const stderr = io.stderr ?? ((text) => process.stderr.write(text));
	const target = await resolveCommand(main, rawArgs);
	if (rawArgs.includes('--help') || rawArgs.includes('-h')) {
		stdout(`${await renderUsage(target.cmd, target.parent)}\n`);
		return;
	}
	try {
		await runCommand(main, { rawArgs });
	} catch (error) {
		const known = asKbError(error, target.path);
		// Anything can be thrown: an Error, a string, undefined, an object without a stack.
		const thrown = error as Partial<Error> | null | undefined;
		if (!known) stderr(`${thrown?.stack ?? String(error)}\n`);
		const reported =
			known ??
			new KbError(
				'internal-error',
				String(thrown?.message ?? error),
				'This is a bug in kb: report it with the stack trace printed on stderr.',
			);
		if (target.json)
			stdout(
				`${JSON.stringify({ error: { code: reported.code, message: reported.message, fix: reported.fix } })}\n`,
			);
		else if (known) stderr(formatError(known));
		process.exitCode = EXIT.failed;
	}
}

/** A {@link KbError} as the CLI prints it: `error [code]: message`, then `fix: …`. */
export function formatError(error: KbError): string {
	return `error [${error.code}]: ${error.message}\nfix: ${error.fix}\n`;
}

/** Refuses a `--content` folder that does not exist, before a command reads or writes under it. */
export function requireContentDir(dir: string): string {
	if (existsSync(dir) && statSync(dir).isDirectory()) return dir;
	throw new KbError(
		'content-missing',
		`there is no content folder at ${dir}.`,
		'pass --content <folder>, or run the command from the project root (npm does), where content/ is.',
	);
}

/** Refuses an input file that does not exist; `what` names it in the message, e.g. `export file`. */
export function requireFile(file: string, what: string): string {
	if (existsSync(file) && statSync(file).isFile()) return file;
	throw new KbError(
		'file-missing',
		`there is no ${what} at ${file}.`,
		'check the path; npm runs kb from the project root, so give paths relative to it (or absolute).',
	);
}

// --- internal ---

/** The command the arguments name, its parent (for usage), its path and whether it was given `--json`. */
async function resolveCommand(main: CommandDef, rawArgs: string[]) {
	let cmd = main;
	let parent: CommandDef | undefined;
	let rest = rawArgs;
	const path: string[] = [];
	for (;;) {
		const subCommands = await resolve(cmd.subCommands);
		const at = rest.findIndex((a) => !a.startsWith('-'));
		const name = rest[at];
		if (!subCommands || name === undefined || !(name in subCommands)) break;
		[parent, cmd] = [cmd, await resolve(subCommands[name]!)];
		path.push(name);
		rest = rest.slice(at + 1);
	}
	const args = (await resolve(cmd.args)) ?? {};
	const flags = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
	return {
		cmd,
		parent,
		path,
		json: 'json' in args && (flags.includes('--json') || flags.includes('--json=true')),
	};
}

/** The error as a KbError: itself, or a citty usage error in our words; undefined for a bug. */
function asKbError(error: unknown, path: string[]): KbError | undefined {
	if (error instanceof KbError) return error;
	if (!(error instanceof Error) || error.name !== 'CLIError') return undefined;
	// citty's usage errors (missing or invalid argument, unknown command) carry a code but no fix.
	const message = error.message.replace(ANSI_COLOUR, '').replace(/([^.])$/, '$1.');
	const code = (error as Error & { code?: string }).code;
	const kind =
		code === 'EARG'
			? /^Missing/.test(message)
				? 'argument-missing'
				: 'argument-invalid'
			: code === 'E_UNKNOWN_COMMAND'
				? 'command-unknown'
				: code === 'E_NO_COMMAND'
					? 'command-missing'
					: 'usage';
	return new KbError(
		kind,
		message,
		`run \`${['npm run kb --', ...path, '--help'].join(' ')}\` for the commands and options.`,
	);
}

// citty colours its messages with ANSI codes (ESC [ n m). ESC is a control character, so the pattern
// is built from its code: written into a regex literal it would read as a typo (no-control-regex).
const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g');

async function resolve<T>(value: T | Promise<T> | (() => T | Promise<T>)): Promise<T> {
	return typeof value === 'function' ? await (value as () => T | Promise<T>)() : await value;
}
