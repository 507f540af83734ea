import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { stagedOutput } from '../../src/integrations/atomic-build.ts';

function siteWith(page: string): string {
	const root = mkdtempSync(join(tmpdir(), 'kb-atomic-'));
	mkdirSync(join(root, 'dist'));
	writeFileSync(join(root, 'dist', 'index.html'), page);
	return join(root, 'dist');
}

describe('stagedOutput', () => {
	test('publishes the staged build in place of the old site when the build finishes', () => {
		const dist = siteWith('old');
		const staged = stagedOutput(dist);
		mkdirSync(staged.staging);
		writeFileSync(join(staged.staging, 'index.html'), 'new');

		const line = staged.publish();

		expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('new');
		expect(existsSync(staged.staging)).toBe(false);
		expect(existsSync(`${dist}.previous`)).toBe(false);
		expect(line).toBe(`published the new site to ${dist}`);
	});

	test('keeps the last good site and removes the half-built one when the build fails', () => {
		const dist = siteWith('last good');
		const staged = stagedOutput(dist);
		mkdirSync(staged.staging);
		writeFileSync(join(staged.staging, 'index.html'), 'half');

		const line = staged.abandon();

		expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('last good');
		expect(existsSync(staged.staging)).toBe(false);
		expect(line).toBe(
			`The build failed, so nothing was published: ${dist} still holds the last good site.`,
		);
	});

	test('says no site was created when the first build fails', () => {
		const root = mkdtempSync(join(tmpdir(), 'kb-atomic-'));
		const staged = stagedOutput(join(root, 'dist'));

		expect(staged.abandon()).toBe(
			`The build failed, so nothing was published: ${join(root, 'dist')} was not created.`,
		);
	});

	test('clears a staging folder a crashed build left behind before building again', () => {
		const dist = siteWith('old');
		mkdirSync(`${dist}.next`);
		writeFileSync(join(`${dist}.next`, 'stale.html'), 'stale');

		stagedOutput(dist);

		expect(existsSync(join(`${dist}.next`, 'stale.html'))).toBe(false);
	});
});
