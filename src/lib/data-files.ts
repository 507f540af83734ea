/**
 * The generated data files of a locale (search index shards, offline fault blocks) travel from
 * the build's one endpoint to the disk as one text file, so the build renders two routes
 * instead of thousands (docs/decisions/0046-build-cost.md). One line per file:
 * `<path>\t<JSON>`; JSON text never holds a raw tab or newline, and paths are ours.
 */

/** Where each locale's bundle is built; the build step splits it and removes it. */
export const DATA_FILES_BUNDLE = 'data-files.txt';

/** The bundle of `files` (path → JSON value). */
export function encodeDataFiles(files: Iterable<readonly [string, unknown]>): string {
	const lines: string[] = [];
	for (const [path, json] of files) {
		if (/[\t\n]/.test(path) || path.startsWith('/') || path.split('/').includes('..'))
			throw new Error(`Not a data file path: ${JSON.stringify(path)}`);
		lines.push(`${path}\t${JSON.stringify(json)}\n`);
	}
	return lines.join('');
}

/** The files of a bundle as path → JSON text, in the order they were written. */
export function decodeDataFiles(bundle: string): [string, string][] {
	return bundle
		.split('\n')
		.filter((line) => line !== '')
		.map((line, i) => {
			const tab = line.indexOf('\t');
			if (tab <= 0) throw new Error(`Data file bundle line ${i + 1} has no path.`);
			return [line.slice(0, tab), line.slice(tab + 1)];
		});
}
