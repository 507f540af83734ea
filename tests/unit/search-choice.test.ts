import { describe, expect, it } from 'vitest';
import { familyGroups, familyMatches, shortList } from '../../src/lib/search-choice.ts';
import type { SearchCard } from '../../src/lib/search-index.ts';

const card = (fam: string, name: string, models: string[], code = 'E1'): SearchCard => ({
	u: `/faults/${fam}/${code.toLowerCase()}/`,
	t: `${code} ${name} fault`,
	c: code,
	k: 'fault',
	f: { family: [name], model: models },
	s: name,
	fam,
});

describe('familyGroups', () => {
	it('keeps search order and groups entries by family', () => {
		const cards = [card('ac', 'Air', ['ac-2', 'ac-1']), card('wh', 'Heater', ['wh-1'])];

		const groups = familyGroups(cards, undefined);

		expect(groups.map((g) => [g.key, g.name, g.models])).toEqual([
			['ac', 'Air', ['ac-1', 'ac-2']],
			['wh', 'Heater', ['wh-1']],
		]);
	});

	it('puts the family used last first when it has the code', () => {
		const cards = [card('ac', 'Air', []), card('wh', 'Heater', []), card('wm', 'Washer', [])];

		const groups = familyGroups(cards, 'wm');

		expect(groups.map((g) => g.key)).toEqual(['wm', 'ac', 'wh']);
	});

	it('groups by family name when cards carry no family id', () => {
		const noId: SearchCard = { ...card('ac', 'Air', ['ac-1']), fam: undefined };

		expect(familyGroups([noId, { ...noId, u: '/other/' }], 'ac')[0]).toMatchObject({
			key: 'Air',
			cards: [{ u: noId.u }, { u: '/other/' }],
		});
	});
});

describe('familyMatches', () => {
	const [group] = familyGroups([card('wh', '热水器', ['wh-e60'])], undefined);

	it.each([
		['', true],
		['热水', true],
		['WH-E6', true],
		['ｗｈ', true],
		['空调', false],
	])('matches %j: %s', (typed, expected) => {
		expect(familyMatches(group!, typed)).toBe(expected);
	});
});

describe('shortList', () => {
	it.each([
		[[], ''],
		[['A1', 'A2'], 'A1, A2'],
		[['A1', 'A2', 'A3', 'A4', 'A5'], 'A1, A2, A3 +2'],
	])('shortens %j to %j', (items, expected) => {
		expect(shortList(items)).toBe(expected);
	});
});
