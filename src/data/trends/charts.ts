import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * Build-time SVG charts with Observable Plot on a server-side DOM (linkedom). Strokes use
 * `currentColor` and the site's CSS variables, so charts follow light and dark mode and print
 * in black; every chart is `role="img"` with a text alternative in `aria-label`.
 */

/** A sparkline of weekly counts; the last `highlight` weeks are drawn in the alert colour when `alert` is set. */
export function sparklineSvg(
	values: readonly number[],
	label: string,
	options: { highlight?: number; alert?: boolean } = {},
): string {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	const points = values.map((y, x) => ({ x, y }));
	const split = values.length - (options.highlight ?? 0);
	const marks = [
		Plot.areaY(points, { x: 'x', y: 'y', fill: 'currentColor', fillOpacity: 0.12 }),
		Plot.lineY(points, { x: 'x', y: 'y', stroke: 'currentColor', strokeWidth: 1.5 }),
		...(options.alert
			? [
					Plot.lineY(points.slice(Math.max(0, split - 1)), {
						x: 'x',
						y: 'y',
						stroke: 'var(--danger-fg, #9a1c1c)',
						strokeWidth: 2.5,
					}),
				]
			: []),
		Plot.dot(points.slice(-1), {
			x: 'x',
			y: 'y',
			r: 2,
			fill: options.alert ? 'var(--danger-fg, #9a1c1c)' : 'currentColor',
		}),
	];
	const svg = Plot.plot({
		document,
		width: 120,
		height: 28,
		margin: 3,
		axis: null,
		y: { domain: [0, Math.max(1, ...values)] },
		className: 'kb-spark',
		ariaLabel: label,
		marks,
	});
	return finish(svg);
}

/** A bar chart of tickets per week with the recent weeks marked, axes labelled for a full-width figure. */
export function weeklyBarsSvg(
	weeks: readonly string[],
	totals: readonly number[],
	recentFrom: string,
	label: string,
	axisLabel: string,
): string {
	const { document } = parseHTML('<!doctype html><html><body></body></html>');
	const data = weeks.map((week, i) => ({
		week: week.slice(5),
		total: totals[i] ?? 0,
		recent: week >= recentFrom,
	}));
	const svg = Plot.plot({
		document,
		width: 640,
		height: 220,
		marginLeft: 44,
		className: 'kb-chart',
		ariaLabel: label,
		x: { label: null, tickRotate: -30, domain: data.map((d) => d.week) },
		y: { label: axisLabel, grid: true },
		marks: [
			Plot.barY(data, {
				x: 'week',
				y: 'total',
				fill: (d: { recent: boolean }) => (d.recent ? 'var(--accent, #0b5cad)' : 'currentColor'),
				fillOpacity: (d: { recent: boolean }) => (d.recent ? 1 : 0.35),
			}),
			Plot.ruleY([0]),
		],
	});
	return finish(svg);
}

// --- internal ---

// Plot's inline <style> block is repeated per chart; the site stylesheet sizes charts instead.
// Plot also names its mark groups ("bar", "line") with aria-label, which is not allowed on <g>;
// the chart as a whole is the image, named by the svg's own label.
function finish(svg: SVGSVGElement | HTMLElement): string {
	svg.setAttribute('role', 'img');
	for (const el of svg.querySelectorAll('[aria-label]')) el.removeAttribute('aria-label');
	return svg.outerHTML.replace(/<style>[\s\S]*?<\/style>/, '');
}
