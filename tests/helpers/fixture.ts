import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The small complete content set the tests build and break. */
export const FIXTURE_CONTENT = join(import.meta.dirname, '..', 'fixtures', 'content');

/** A throwaway copy of the fixture content; `edit` rewrites one file in it. */
export interface FixtureCopy {
	dir: string;
	edit: (file: string, change: (text: string) => string) => void;
	write: (file: string, text: string) => void;
	remove: (file: string) => void;
	dispose: () => void;
}

/** Copies the fixture content into a temporary folder. */
export function copyFixture(): FixtureCopy {
	const dir = join(mkdtempSync(join(tmpdir(), 'kb-fixture-')), 'content');
	cpSync(FIXTURE_CONTENT, dir, { recursive: true });
	return {
		dir,
		edit: (file, change) =>
			writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8'))),
		write: (file, text) => writeFileSync(join(dir, file), text),
		remove: (file) => rmSync(join(dir, file)),
		dispose: () => rmSync(join(dir, '..'), { recursive: true, force: true }),
	};
}
