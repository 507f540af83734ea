import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitBundle } from '../../src/integrations/data-files.ts';
import { DATA_FILES_BUNDLE, decodeDataFiles, encodeDataFiles } from '../../src/lib/data-files.ts';

describe('data file bundle', () => {
	it('round-trips JSON with tabs, newlines and Chinese text in its values', () => {
		const files: [string, unknown][] = [
			['search-data/meta.json', { a: 'tab\there', b: 'line\nbreak', c: '不制冷' }],
			['search-data/title/0.json', ['x', 1]],
			['fault-data/12.json', 'plain'],
		];
		const decoded = decodeDataFiles(encodeDataFiles(files));
		expect(decoded.map(([p, text]): [string, unknown] => [p, JSON.parse(text)])).toEqual(files);
	});

	it('refuses a path that could leave the locale folder or break a line', () => {
		expect(() => encodeDataFiles([['../sw.js', 1]])).toThrow('Not a data file path: "../sw.js"');
		expect(() => encodeDataFiles([['/etc/x.json', 1]])).toThrow('Not a data file path');
		expect(() => encodeDataFiles([['a\tb.json', 1]])).toThrow('Not a data file path');
	});

	it('says which line of a damaged bundle has no path', () => {
		expect(() => decodeDataFiles('a.json\t1\nno-tab-here\n')).toThrow(
			'Data file bundle line 2 has no path.',
		);
	});

	it('writes every file beside the bundle and removes the bundle', async () => {
		const root = mkdtempSync(join(tmpdir(), 'kb-data-files-'));
		try {
			writeFileSync(
				join(root, DATA_FILES_BUNDLE),
				encodeDataFiles([
					['search-data/codes/e0.json', { e4: 1 }],
					['fault-data/0.json', []],
				]),
			);
			expect(await splitBundle(root)).toBe(2);
			expect(readdirSync(root).sort()).toEqual(['fault-data', 'search-data']);
			expect(JSON.parse(readFileSync(join(root, 'search-data/codes/e0.json'), 'utf8'))).toEqual({
				e4: 1,
			});
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
