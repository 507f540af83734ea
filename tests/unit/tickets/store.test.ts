import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../scripts/lib/tickets/store.ts';
import { printedAsync } from '../../helpers/kb-error.ts';
import { CONTENT_FIXTURE } from './support.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

describe('openStore', () => {
	it('refuses a file that is not a DuckDB database, and says how to start afresh', async () => {
		dir = mkdtempSync(join(tmpdir(), 'kb-store-'));
		writeFileSync(join(dir, 'tickets.duckdb'), 'not a database');

		expect(await printedAsync(() => openStore(join(dir!, 'tickets.duckdb')))).toBe(
			`error [store-unreadable]: cannot open the ticket store ${join(dir, 'tickets.duckdb')}: IO Error: The file "${join(dir, 'tickets.duckdb')}" exists, but it is not a valid DuckDB database file!\n` +
				'fix: check the path; delete the file to start an empty store (pull the exports again).\n',
		);
	});

	// DuckDB locks a store file per process, so the second opener has to be another process.
	it('tells a second process that the store is in use', { timeout: 60_000 }, async () => {
		dir = mkdtempSync(join(tmpdir(), 'kb-store-'));
		const path = join(dir, 'tickets.duckdb');
		const store = await openStore(path);

		const r = spawnSync(
			process.execPath,
			['scripts/kb.ts', 'tickets', 'report', '--store', path, '--content', CONTENT_FIXTURE],
			{ cwd: ROOT, encoding: 'utf8' },
		);
		store.close();

		expect([r.status, r.stdout, r.stderr]).toEqual([
			1,
			'',
			`error [store-locked]: the ticket store ${path} is in use by another process.\nfix: wait for the other pull or report to finish, then run again.\n`,
		]);
	});
});
