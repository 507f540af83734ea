// `npm test`: the type check, the lint, then every vitest project, stopping at the first failure
// with its exit code, and the wall time of the whole at the end. Arguments go to vitest
// (`npm test -- tests/unit/diff.test.ts`).
import { spawnSync } from 'node:child_process';
import { delimiter, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const started = process.hrtime.bigint();

/** Minutes and seconds, as `4m12s`. */
function elapsed(): string {
	const seconds = Math.round(Number(process.hrtime.bigint() - started) / 1e9);
	return `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}

/** Runs one step with the terminal, and gives its exit code (1 when it could not start or was killed). */
function step(command: string, args: string[]): number {
	const run = spawnSync(command, args, {
		cwd: ROOT,
		stdio: 'inherit',
		env: { ...process.env, PATH: `${BIN}${delimiter}${process.env.PATH ?? ''}` },
	});
	if (run.error) console.error(`npm test: ${command} could not run: ${run.error.message}`);
	return run.status ?? 1;
}

const steps: [string, string[]][] = [
	['astro', ['check']],
	// `npm run lint` where the project has one; nothing otherwise.
	['npm', ['run', 'lint', '--if-present']],
	['vitest', ['run', ...process.argv.slice(2)]],
];
let code = 0;
for (const [command, args] of steps) {
	code = step(command, args);
	if (code !== 0) {
		console.error(`npm test: \`${[command, ...args].join(' ')}\` failed (exit code ${code}).`);
		break;
	}
}
console.log(`npm test: ${elapsed()} wall time`);
process.exit(code);
