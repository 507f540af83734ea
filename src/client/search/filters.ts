import type { SearchCard } from '../../lib/search-index.ts';
import type { ClientTranslate } from '../strings.ts';
import { filterCounts } from './engine.ts';

const FILTER_ORDER = ['type', 'family', 'model', 'category', 'priority'] as const;
const FILTER_LABEL = {
	type: 'search.filterType',
	family: 'search.filterFamily',
	model: 'search.filterModel',
	category: 'search.filterCategory',
	priority: 'search.filterPriority',
} as const satisfies Record<(typeof FILTER_ORDER)[number], string>;

/**
 * The filter checkboxes with their counts over `results`, one fieldset per filter; ticking one
 * updates `selected` and calls `rerender`. `details` is hidden when there is nothing to filter.
 */
export function renderFilters(
	details: HTMLElement,
	box: HTMLElement,
	results: readonly SearchCard[],
	selected: Map<string, Set<string>>,
	t: ClientTranslate,
	rerender: () => void,
): void {
	const counts = filterCounts(results);
	details.hidden = results.length === 0;
	box.replaceChildren(
		...FILTER_ORDER.filter((name) => (counts.get(name)?.size ?? 0) > 0).map((name) => {
			const fieldset = document.createElement('fieldset');
			const legend = document.createElement('legend');
			legend.textContent = t(FILTER_LABEL[name]);
			fieldset.append(legend);
			for (const [value, n] of [...counts.get(name)!].sort(
				(a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
			)) {
				const label = document.createElement('label');
				const check = document.createElement('input');
				check.type = 'checkbox';
				check.checked = selected.get(name)?.has(value) ?? false;
				check.addEventListener('change', () => {
					const set = selected.get(name) ?? new Set<string>();
					if (check.checked) set.add(value);
					else set.delete(value);
					selected.set(name, set);
					rerender();
				});
				label.append(check, ` ${value} (${n})`);
				fieldset.append(label);
			}
			return fieldset;
		}),
	);
}
