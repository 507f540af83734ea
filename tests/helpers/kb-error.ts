import { KbError } from '../../src/core/errors.ts';
import { formatError } from '../../scripts/lib/cli.ts';

/**
 * What the CLI prints for the KbError `action` throws (`error [code]: …` then `fix: …`), so a
 * test of a library function asserts the exact output a user sees. Fails when nothing is thrown
 * or the error is not a KbError.
 */
export function printed(action: () => unknown): string {
	try {
		action();
	} catch (error) {
		return printedError(error);
	}
	throw new Error('expected the action to fail with a KbError');
}

/** {@link printed} for an async action. */
export async function printedAsync(action: () => Promise<unknown>): Promise<string> {
	try {
		await action();
	} catch (error) {
		return printedError(error);
	}
	throw new Error('expected the action to fail with a KbError');
}

// --- internal ---

function printedError(error: unknown): string {
	if (!(error instanceof KbError)) throw error;
	return formatError(error);
}
