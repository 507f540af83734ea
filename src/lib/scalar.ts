/**
 * One value read from YAML, JSON or a spreadsheet as text, for comparing and printing. Such a value
 * is `unknown` until validated, and `String()` on it would turn a list or map written where a single
 * value belongs into "[object Object]"; here it becomes its JSON, so it can still be told apart.
 */
export function scalarText(value: unknown): string {
	switch (typeof value) {
		case 'string':
			return value;
		case 'number':
		case 'boolean':
		case 'bigint':
		case 'symbol':
		case 'function':
			return String(value);
		case 'undefined':
			return '';
		default:
			return value === null ? '' : JSON.stringify(value);
	}
}
