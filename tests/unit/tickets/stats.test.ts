import { describe, expect, it } from 'vitest';
import {
	binomialUpperTail,
	logGamma,
	regularizedBeta,
} from '../../../scripts/lib/tickets/stats.ts';

describe('binomialUpperTail', () => {
	it.each([
		// P(X ≥ 8), n = 10, p = ½: (45 + 10 + 1) / 1024.
		[8, 10, 0.5, 56 / 1024],
		// P(X ≥ 5), n = 5, p = 0.2: 0.2⁵.
		[5, 5, 0.2, 0.00032],
		// P(X ≥ 1), n = 3, p = ½: 1 − ⅛.
		[1, 3, 0.5, 0.875],
		// P(X ≥ 3), n = 20, p = 0.05: 1 − (0.95²⁰ + 20·0.05·0.95¹⁹ + 190·0.05²·0.95¹⁸).
		[3, 20, 0.05, 0.07548367378849719],
		[0, 10, 0.3, 1],
		[11, 10, 0.3, 0],
	])('P(X ≥ %i) for Binomial(%i, %d) is %d', (k, n, p, expected) => {
		expect(binomialUpperTail(k, n, p)).toBeCloseTo(expected, 12);
	});

	it('stays accurate for a million-ticket count', () => {
		expect(binomialUpperTail(500_000, 1_000_000, 0.5)).toBeCloseTo(0.5004, 4);
	});
});

describe('logGamma', () => {
	it.each([
		[1, 0],
		[5, Math.log(24)],
		[0.5, Math.log(Math.sqrt(Math.PI))],
		[101, 363.73937555556347],
	])('lnΓ(%d) = %d', (x, expected) => {
		expect(logGamma(x)).toBeCloseTo(expected, 9);
	});
});

describe('regularizedBeta', () => {
	it('equals x for a = b = 1 and is symmetric', () => {
		expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
		expect(regularizedBeta(0.3, 2, 5) + regularizedBeta(0.7, 5, 2)).toBeCloseTo(1, 12);
	});
});
