import { describe, expect, it } from 'vitest';
import {
	blockCount,
	blockOf,
	blockOfFault,
	decodeBlock,
	encodeBlock,
	faultOfPath,
	findFault,
	type FaultBlock,
	type OfflineFault,
} from '../../src/lib/fault-data.ts';

/** A full entry, every field filled, as the build view makes it. */
const E1: OfflineFault = {
	path: 'faults/wh/e1/',
	code: 'E1',
	family: { id: 'wh', name: '热水器' },
	models: [{ id: 'wh-e80', name: 'E80 储水式电热水器（80 升）' }],
	title: '漏电保护',
	priority: 'P1',
	category: 'hardware',
	subcategory: 'power',
	safety: ['维修前关闭空气开关并拔下电源插头。'],
	symptoms: ['热水器显示 E1 并断电停机。'],
	causes: ['加热管绝缘层击穿漏电。', '接线端子受潮。'],
	checks: ['先检查插座地线。'],
	remedy: ['更换加热管。'],
	parts: [{ name: '加热管 2000 W', partNo: 'WH-HTR-2K-01' }, { name: '镁棒' }],
	tools: ['兆欧表'],
	aliases: ['E-1', '漏电'],
	remoteFixable: false,
	laborMinutes: 90,
	sop: { href: '/kb/sops/hardware-diagnosis/', title: '硬件故障诊断', note: 'SOP-SVC-003 · 1.0' },
	checklist: {
		href: '/kb/checklists/hardware-diagnosis/',
		title: '硬件诊断检查清单',
		note: 'CL-SVC-002 · 1.0',
	},
};

/** An imported OBD-II entry: title only, nothing else. */
const P1000: OfflineFault = {
	path: 'faults/obd-ford/p1000/',
	code: 'P1000',
	family: { id: 'obd-ford', name: 'Ford' },
	models: [],
	title: 'OBD System Readiness Test Not Complete',
	priority: 'P3',
	category: 'hardware',
	subcategory: 'other',
	safety: [],
	symptoms: [],
	causes: [],
	checks: [],
	remedy: [],
	parts: [],
	tools: [],
	aliases: [],
	remoteFixable: true,
};

describe('encodeBlock / decodeBlock', () => {
	it('gives back every field of a full entry and of a bare one', () => {
		const block = encodeBlock([E1, P1000]);

		expect(decodeBlock(JSON.parse(JSON.stringify(block)) as FaultBlock)).toEqual([E1, P1000]);
	});

	it('stores each family, model and linked document once per block, and leaves out empty fields', () => {
		const second = { ...E1, path: 'faults/wh/e3/', code: 'E3', laborMinutes: undefined };

		const block = encodeBlock([E1, second, P1000]);

		expect(block.f).toEqual({ wh: '热水器', 'obd-ford': 'Ford' });
		expect(block.d).toHaveLength(2);
		expect(block.e[1]).toMatchObject({ sp: 0, cl: 1 });
		expect(block.e[2]).toEqual({
			c: 'P1000',
			f: 'obd-ford',
			t: 'OBD System Readiness Test Not Complete',
			p: 'P3',
			g: 'hardware',
			h: 'other',
			q: 1,
		});
	});
});

describe('blockCount', () => {
	it.each([
		[0, 1],
		[48, 1],
		[49, 2],
		[64, 2],
		[10_000, 256],
		[20_000, 512],
	])('spreads %i entries over %i blocks', (count, blocks) => {
		expect(blockCount(count)).toBe(blocks);
	});
});

describe('blockOf', () => {
	it('places an entry by its family and code slug alone, the same on every call', () => {
		expect(blockOf('wh', 'e1', 256)).toBe(blockOf('wh', 'e1', 256));
		expect(blockOfFault(E1, 256)).toBe(blockOf('wh', 'e1', 256));
		expect(blockOfFault({ ...E1, code: 'E-101' }, 256)).toBe(blockOf('wh', 'e-101', 256));
	});

	it('keeps the blocks of 10,000 codes within a factor of two of the average', () => {
		const sizes = new Array<number>(256).fill(0);

		for (let i = 0; i < 10_000; i++) sizes[blockOf(`obd-${i % 13}`, `p${1000 + i}`, 256)]! += 1;

		expect(Math.min(...sizes)).toBeGreaterThan(39 / 2);
		expect(Math.max(...sizes)).toBeLessThan(39 * 2);
	});
});

describe('faultOfPath', () => {
	it.each([
		['/faults/wh/e1/', '/', { family: 'wh', slug: 'e1' }],
		['/kb/en/faults/obd-ford/p1000/', '/kb/en/', { family: 'obd-ford', slug: 'p1000' }],
		['/kb/en/faults/ac/%65-101/', '/kb/en/', { family: 'ac', slug: 'e-101' }],
	])('reads %s under %s', (pathname, root, expected) => {
		expect(faultOfPath(pathname, root)).toEqual(expected);
	});

	it.each([
		['/faults/wh/', '/'],
		['/faults/wh/e1', '/'],
		['/offline/fault/', '/'],
		['/en/faults/wh/e1/', '/kb/en/'],
		['/faults/wh/%E0%A4%A/', '/'],
	])('finds no fault in %s under %s', (pathname, root) => {
		expect(faultOfPath(pathname, root)).toBeUndefined();
	});
});

describe('findFault', () => {
	it('finds an entry by its URL segments and nothing for an unknown code', () => {
		const faults = decodeBlock(
			encodeBlock([E1, { ...E1, path: 'faults/wh/e-101/', code: 'E-101' }]),
		);

		expect(findFault(faults, 'wh', 'e-101')?.code).toBe('E-101');
		expect(findFault(faults, 'ac', 'e1')).toBeUndefined();
	});
});
