import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every threshold and rule of the source documents (../shared/seeds/README.md) must stay in the
// starter content, in both languages. Each row: what it is, a Chinese pattern, an English pattern.
const RULES: [string, RegExp, RegExp][] = [
	['P1 resolved within 4 hours', /P1[^\n]{0,40}4 ?小时/, /P1[^\n]{0,60}4 ?h(ours?)?\b/i],
	['P1 responded to within 30 minutes', /30 ?分钟/, /30 min/i],
	['response within 2 hours', /2 ?小时内?响应/, /within 2 hours/i],
	['first-time-fix rate 95 %', /首次修复率[^\n]{0,20}95 ?%/, /first-time[- ]fix[^\n]{0,30}95 ?%/i],
	[
		'7-day repeat-repair rate 5 %',
		/7 ?(天|日)[^\n]{0,20}返修率[^\n]{0,20}5 ?%/,
		/7-day repeat[^\n]{0,30}5 ?%/i,
	],
	['satisfaction 4.5 of 5', /满意度[^\n]{0,20}4\.5/, /satisfaction[^\n]{0,30}4\.5/i],
	['parts availability 98 %', /98 ?%/, /98 ?%/],
	['phone first response in 15 minutes', /电话[^\n]{0,30}15 ?分钟/, /phone[^\n]{0,40}15 min/i],
	['e-mail first response in 30 minutes', /邮件[^\n]{0,30}30 ?分钟/, /e-?mail[^\n]{0,40}30 min/i],
	['tell the customer when a repair runs over 20 % of the estimate', /20 ?%/, /20 ?%/],
	[
		'follow-up call 1–3 working days after the repair',
		/1\s?[–~-]\s?3 ?个工作日/,
		/1[–-]3 working days/i,
	],
	['call back 2 hours after a phone fix', /2 ?小时后?[^\n]{0,10}回[访电]/, /2 hours/i],
	['arrive 5 minutes early', /提前 ?5 ?分钟/, /5 minutes early/i],
	['late by under 15 minutes', /15 ?分钟(以内|内)/, /(under|within|less than) 15 minutes/i],
	['late by over 15 minutes', /15 ?分钟以上|超过 ?15 ?分钟/, /(over|more than) 15 minutes/i],
	[
		'doorbell first, else two rounds of three light knocks',
		/轻敲 ?2 ?次[^\n]{0,10}3 ?下/,
		/three (light )?knocks/i,
	],
	['show the ID card', /(工作证|工号牌|上岗证|证件)/, /\bID\b/],
	['shoe covers', /鞋套/, /shoe covers/i],
	['tool box on a mat', /(垫布|工具垫|垫子)/, /mat\b/i],
	["never smoke, drink or eat at the customer's", /(抽烟|吸烟)/, /smok/i],
	[
		'the signature is never forced',
		/(不得|不能|不要|严禁)[^\n]{0,10}强迫[^\n]{0,10}签/,
		/never forc/i,
	],
	['hotline answered within 4 hours', /热线[^\n]{0,40}4 ?小时/, /hotline[^\n]{0,60}4 hours/i],
	['complaints answered within 24 hours', /24 ?小时/, /24 hours/i],
	['complaints settled within a month', /一个月|1 ?个月/, /(a|one) month/i],
	['three-strikes discipline', /三次/, /three[- ]strikes/i],
	['remote-diagnosis checklist', /远程诊断/, /remote diagnosis/i],
	['swap test in hardware diagnosis', /替换/, /swap/i],
	[
		'ESD and moisture-proof storage of parts',
		/防静电[^\n]{0,40}防潮|防潮[^\n]{0,40}防静电/,
		/ESD|anti-static/i,
	],
	['software 45 % of faults', /45 ?%/, /45 ?%/],
	['humidity 7 % of faults', /湿度[^\n]{0,40}7 ?%/, /humidity[^\n]{0,40}7 ?%/i],
];

const CONTENT = resolve(import.meta.dirname, '..', '..', 'content');

function textOf(dir: string, locale: 'zh-CN' | 'en'): string {
	return readdirSync(dir)
		.map((name) => {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) return textOf(path, locale);
			const other = locale === 'en' ? '.zh-CN.' : '.en.';
			return path.includes(other) ? '' : readFileSync(path, 'utf8');
		})
		.join('\n');
}

describe('the starter content', () => {
	const zh = textOf(CONTENT, 'zh-CN');
	const en = textOf(CONTENT, 'en');

	it.each(RULES)('keeps the source rule "%s" in both languages', (_rule, zhPattern, enPattern) => {
		expect(zh).toMatch(zhPattern);
		expect(en).toMatch(enPattern);
	});
});
