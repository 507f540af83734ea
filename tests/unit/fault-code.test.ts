import { describe, expect, it } from 'vitest';
import { canonicalCode, codeKey, codeSlug, looksLikeCode } from '../../src/lib/fault-code.ts';

describe('canonicalCode', () => {
	it.each([
		['E4', 'E4'],
		[' e4 ', 'E4'],
		['ｅ４', 'E4'],
		['e_101', 'E-101'],
		['E 101', 'E-101'],
		['E--101', 'E-101'],
		['F07', 'F07'],
	])('canonicalises %j as %j', (raw, expected) => {
		expect(canonicalCode(raw)).toBe(expected);
	});
});

describe('codeKey', () => {
	it.each([
		['e4', 'E4'],
		['E-04', 'E4'],
		['Ｅ４', 'E4'],
		['故障码E4', 'E4'],
		['故障码：E4', 'E4'],
		['错误 e-4', 'E4'],
		['代码E04', 'E4'],
		['error E4', 'E4'],
		['Error code: E 4', 'E4'],
		['code_e_04', 'E4'],
		['E-101', 'E101'],
		['F07', 'F7'],
		['P0300', 'P300'],
		['E515-26', 'E51526'],
		['不制冷', '不制冷'],
	])('gives %j the key %j', (raw, expected) => {
		expect(codeKey(raw)).toBe(expected);
	});

	it('keeps leading zeros when the family says they are significant', () => {
		const key = codeKey('F07', { leadingZerosSignificant: true });

		expect(key).toBe('F07');
	});

	it('treats E4 and E04 as different from E40', () => {
		expect(codeKey('E04')).not.toBe(codeKey('E40'));
	});
});

describe('codeSlug', () => {
	it.each([
		['E4', 'e4'],
		['E-101', 'e-101'],
		['ｆ０７', 'f07'],
	])('makes %j the URL segment %j', (code, slug) => {
		expect(codeSlug(code)).toBe(slug);
	});
});

describe('looksLikeCode', () => {
	it.each([
		['E4', true],
		['故障码 E-04', true],
		['P0300', true],
		['不制冷', false],
		['not cooling', false],
		['故障码 EA', true],
		['error uf', true],
		['EA', false],
		['故障码', false],
		['故障码 漏水', false],
	])('says %j looks like a code: %s', (raw, expected) => {
		expect(looksLikeCode(raw)).toBe(expected);
	});
});
