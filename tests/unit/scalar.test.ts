import { describe, expect, it } from 'vitest';
import { scalarText } from '../../src/lib/scalar.ts';

describe('scalarText', () => {
	it.each<[unknown, string]>([
		['E4', 'E4'],
		[42, '42'],
		[1.5, '1.5'],
		[false, 'false'],
		[null, ''],
		[undefined, ''],
		[['a', 'b'], '["a","b"]'],
		[{ code: 'E4' }, '{"code":"E4"}'],
	])('writes %j as %j', (value, text) => {
		expect(scalarText(value)).toBe(text);
	});
});
