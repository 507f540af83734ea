import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakingFixture } from '../helpers/broken-content.ts';

const problemsAfter = breakingFixture();

// Synonyms change what every search finds, so kb check refuses the ones that would mislead it.
describe('kb check on content/synonyms/', () => {
	const write =
		(files: Record<string, string>) =>
		(c: { dir: string; write: (f: string, t: string) => void }) => {
			mkdirSync(join(c.dir, 'synonyms'), { recursive: true });
			for (const [name, text] of Object.entries(files)) c.write(`synonyms/${name}`, text);
		};

	it('accepts groups of terms and one list of negation words', () => {
		expect(
			problemsAfter(
				write({
					'a.yaml': 'groups:\n  - [没有热水, 不出热水, 不加热]\nnegations: [没有, 不, 无]\n',
				}),
			),
		).toEqual([]);
	});

	it.each<[string, Record<string, string>, string[]]>([
		[
			'a term in two groups',
			{ 'a.yaml': 'groups:\n  - [不制冷, 制冷差]\n', 'b.yaml': 'groups:\n  - [不凉, 不制冷]\n' },
			[
				'content/synonyms/b.yaml:2: groups.0.1: "不制冷" is already in a synonym group at content/synonyms/a.yaml:2; a term belongs to one group, so merge the two groups or remove it here.',
			],
		],
		[
			'a one-character term',
			{ 'a.yaml': 'groups:\n  - [水, 热水]\n' },
			[
				'content/synonyms/a.yaml:2: groups.0.0: a search term needs at least two letters or characters; one character would match almost every entry.',
			],
		],
		[
			'a group of one',
			{ 'a.yaml': 'groups:\n  - [不制冷]\n' },
			['content/synonyms/a.yaml:2: groups.0: a synonym group needs at least two terms.'],
		],
		[
			'negation words in two files',
			{ 'a.yaml': 'negations: [不, 没有]\n', 'b.yaml': 'negations: [无]\n' },
			[
				'content/synonyms/b.yaml:1: negations: negation words are already listed in content/synonyms/a.yaml; keep one list and move these there.',
			],
		],
	])('refuses %s with a message that says what to do', (_, files, expected) => {
		expect(problemsAfter(write(files))).toEqual(expected);
	});
});
