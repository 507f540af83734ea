/**
 * The authoring commands' (`kb new`, `revise`, `approve`) error type and reporter.
 * Dates come from src/lib/time.ts; the error type is the core's {@link KbError}.
 */
import { KbError } from '../../src/core/errors.ts';

export { KbError as AuthoringError };

/**
 * Runs a command's action and turns a {@link KbError} into a two-line report on stderr
 * (what is wrong, then the fix and the error code) with exit code 1; other errors propagate.
 */
export async function reportingErrors(action: () => void | Promise<void>): Promise<void> {
	try {
		await action();
	} catch (error) {
		if (!(error instanceof KbError)) throw error;
		console.error(`✗ ${error.message}\n  ${error.fix} (${error.code})`);
		process.exitCode = 1;
	}
}
