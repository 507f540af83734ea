/**
 * The exact tests the report flags faults with. Both are one-sided binomial upper tails,
 * computed through the regularised incomplete beta function so they stay accurate for the
 * counts of a million-ticket export.
 */

/** P(X ≥ k) for X ~ Binomial(n, p). 1 when k ≤ 0, 0 when k > n. */
export function binomialUpperTail(k: number, n: number, p: number): number {
	if (k <= 0) return 1;
	if (k > n) return 0;
	if (p <= 0) return 0;
	if (p >= 1) return 1;
	// P(X ≥ k) = I_p(k, n − k + 1).
	return regularizedBeta(p, k, n - k + 1);
}

/** The natural logarithm of the gamma function (Lanczos approximation, |error| < 2e-10 for x > 0). */
export function logGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	const g = 7;
	const c = [
		0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
		-176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
		1.5056327351493116e-7,
	];
	const z = x - 1;
	let a = c[0]!;
	const t = z + g + 0.5;
	for (let i = 1; i < g + 2; i++) a += c[i]! / (z + i);
	return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularised incomplete beta function I_x(a, b), by Lentz's continued fraction. */
export function regularizedBeta(x: number, a: number, b: number): number {
	if (x <= 0) return 0;
	if (x >= 1) return 1;
	const front = Math.exp(
		logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x),
	);
	// The fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
	if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
	return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

// --- internal ---

function betaFraction(x: number, a: number, b: number): number {
	const tiny = 1e-300;
	const clamp = (v: number) => (Math.abs(v) < tiny ? tiny : v);
	let c = 1;
	let d = 1 / clamp(1 - ((a + b) * x) / (a + 1));
	let h = d;
	for (let m = 1; m <= 10_000; m++) {
		const even = (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m));
		d = 1 / clamp(1 + even * d);
		c = clamp(1 + even / c);
		h *= d * c;
		const odd = (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1));
		d = 1 / clamp(1 + odd * d);
		c = clamp(1 + odd / c);
		const step = d * c;
		h *= step;
		if (Math.abs(step - 1) < 1e-14) break;
	}
	return h;
}
