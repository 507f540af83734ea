import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so that readers see either the old or the new content, never half of it:
 * the text goes to a hidden temporary file in the same folder, which is then renamed over
 * the target (a rename within one file system is atomic). Creates the folder if needed.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array, mode?: number): void {
	const dir = dirname(file);
	mkdirSync(dir, { recursive: true });
	const tmp = join(dir, `.${basename(file)}.${process.pid}.${Date.now()}.tmp`);
	try {
		writeFileSync(tmp, content, mode === undefined ? undefined : { mode });
		renameSync(tmp, file);
	} catch (error) {
		rmSync(tmp, { force: true });
		throw error;
	}
}
