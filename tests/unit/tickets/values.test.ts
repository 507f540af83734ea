import { describe, expect, it } from 'vitest';
import {
	normaliseBoolean,
	normaliseChannel,
	normaliseCode,
	normaliseLabel,
	normalisePriority,
	normaliseSatisfaction,
	normaliseVisits,
} from '../../../scripts/lib/tickets/values.ts';

describe('normalisePriority', () => {
	it.each([
		['P1', 'P1'],
		['p2', 'P2'],
		['3', 'P3'],
		['紧急', 'P1'],
		['高', 'P2'],
		['普通', 'P3'],
		['低', 'P4'],
		['Urgent', 'P1'],
		['normal', 'P3'],
		['1 - Critical', 'P1'],
		['4 - Low', 'P4'],
		['', null],
	])('reads %j as %j', (raw, value) => {
		expect(normalisePriority(raw)).toEqual({ value });
	});

	it("uses the mapping's words and numeric ranges first", () => {
		const table = { 'VIP 加急': 'P1' as const, '90-100': 'P1' as const, '0-89': 'P3' as const };

		expect(
			[
				normalisePriority('vip 加急', table),
				normalisePriority('95', table),
				normalisePriority('50', table),
			].map((r) => r.value),
		).toEqual(['P1', 'P1', 'P3']);
	});

	it('rejects an unknown word with the fix', () => {
		expect(normalisePriority('很急很急')).toEqual({
			error:
				'priority "很急很急" is not a priority; map it to P1–P4 under values.priority in the mapping.',
		});
	});
});

describe('normaliseChannel', () => {
	it.each([
		['电话', 'phone'],
		['400热线', 'phone'],
		['voice', 'phone'],
		['邮件', 'email'],
		['在线客服', 'chat'],
		['微信', 'chat'],
		['小程序', 'web'],
		['上门', 'onsite'],
		['传真', 'other'],
		[' ', null],
	])('reads %j as %j', (raw, value) => {
		expect(normaliseChannel(raw).value).toBe(value);
	});
});

describe('normaliseBoolean', () => {
	it.each([
		['是', true],
		['否', false],
		['Y', true],
		['no', false],
		['1', true],
		['0', false],
		['√', true],
		['×', false],
	])('reads %j as %j', (raw, value) => {
		expect(normaliseBoolean('firstTimeFix', raw).value).toBe(value);
	});

	it('rejects anything else with the fix', () => {
		expect(normaliseBoolean('firstTimeFix', '待定')).toEqual({
			error:
				'firstTimeFix "待定" is not yes or no; map it under values.firstTimeFix in the mapping.',
		});
	});
});

describe('normaliseSatisfaction', () => {
	it.each([
		['5', 5, 5],
		['4.5', 5, 4.5],
		['8', 10, 4],
		['3分', 5, 3],
		['非常满意', 5, 5],
		['一般', 5, 3],
	])('reads %j on a scale of %i as %d', (raw, scale, value) => {
		expect(normaliseSatisfaction(raw, {}, scale)).toEqual({ value });
	});

	it.each([
		[
			'7',
			'satisfaction "7" is outside 0–5; set satisfactionScale in the mapping if the source scores out of more.',
		],
		[
			'good',
			'satisfaction "good" is not a score; use a number from 0 to 5 or map the word under values.satisfaction.',
		],
	])('rejects %j', (raw, error) => {
		expect(normaliseSatisfaction(raw)).toEqual({ error });
	});
});

describe('normaliseVisits', () => {
	it.each([
		['1', { value: 1 }],
		['2次', { value: 2 }],
		['0', { error: 'visits "0" is not a whole number of visits from 1 to 99.' }],
		['1.5', { error: 'visits "1.5" is not a whole number of visits from 1 to 99.' }],
	])('reads %j', (raw, expected) => {
		expect(normaliseVisits(raw)).toEqual(expected);
	});
});

describe('normaliseCode', () => {
	it.each([
		['E4', 'E4'],
		['e-4', 'E-4'],
		['故障码：E4', 'E4'],
		['Error code F07', 'F07'],
		['ｅ１０１', 'E101'],
		['不制冷', null],
		['', null],
		['张三说机器坏了', null],
	])('reads %j as %j', (raw, value) => {
		expect(normaliseCode(raw)).toEqual({ value });
	});
});

describe('normaliseLabel', () => {
	it.each([
		['  华东 ', 20, false, '华东'],
		['杭州市西湖区文三路100号', 20, true, null],
		['a very long region name that is surely an address', 20, false, null],
		['KF-35', 40, false, 'KF-35'],
	])('reads %j (max %i, no digits %s) as %j', (raw, max, noDigits, value) => {
		expect(normaliseLabel(raw, max, noDigits)).toEqual({ value });
	});
});
