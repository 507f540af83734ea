/**
 * Fault-code spelling, shared by the content schemas, the pages, search and the ticket scripts.
 *
 * Two forms exist. The *canonical* form is how an entry's code is displayed and stored
 * (`E4`, `F07`, `E-101`, `P0300`). The *key* is what two spellings must share to be the
 * same code (`e4`, `E-04`, `Ｅ４`, `故障码E4` all have the key `E4`).
 */

/**
 * Words people type before a code (`故障码E4`, `error code 4`), lower case. Longest first, so
 * `故障代码` wins over `代码` and `error code` over `error`. Search and the ticket pull both strip them.
 */
export const CODE_PREFIXES: readonly string[] = [
	'故障代码',
	'错误代码',
	'故障码',
	'错误码',
	'error code',
	'error',
	'代码',
	'错误',
	'故障',
	'code',
	'err',
];
const SEPARATORS = /[\s_\-–—.:：]+/g;

/**
 * The canonical display form of an authored code: NFKC (full-width to half-width), trimmed,
 * upper case, runs of spaces and underscores turned into one hyphen.
 * @example canonicalCode(' ｅ_101 ') === 'E-101'
 */
export function canonicalCode(raw: string): string {
	return raw
		.normalize('NFKC')
		.trim()
		.toUpperCase()
		.replace(/[\s_]+/g, '-')
		.replace(/-+/g, '-');
}

/** Options of {@link codeKey}. */
export interface CodeKeyOptions {
	/** When false (the default), `E04` and `E4` are the same code. */
	leadingZerosSignificant?: boolean;
}

/**
 * The matching key of any spelling of a code: NFKC, upper case, a leading word such as
 * `故障码` or `error` removed, separators removed, and leading zeros of each number dropped
 * unless the family says they matter. Returns '' for input with no code in it.
 * @example codeKey('故障码 E-04') === 'E4'
 */
export function codeKey(raw: string, options: CodeKeyOptions = {}): string {
	let s = raw.normalize('NFKC').trim().toLowerCase();
	for (const prefix of CODE_PREFIXES) {
		if (s.startsWith(prefix)) {
			s = s.slice(prefix.length).trim();
			break;
		}
	}
	s = s
		.replace(/^[:：#]/, '')
		.replace(SEPARATORS, '')
		.toUpperCase();
	if (!options.leadingZerosSignificant) s = s.replace(/(^|[^0-9])0+(?=[0-9])/g, '$1');
	return s;
}

/** The URL segment of a canonical code: lower case, safe in a path (`E-101` → `e-101`). */
export function codeSlug(code: string): string {
	return canonicalCode(code)
		.toLowerCase()
		.replace(/[^a-z0-9-]/g, '-');
}

/**
 * Whether a string looks like a fault code: letters and digits, short, with at least one digit —
 * or letters only (`EA`, `UF`) when the searcher said it is a code (`故障码 EA`, `error UF`).
 */
export function looksLikeCode(raw: string): boolean {
	const key = codeKey(raw, { leadingZerosSignificant: true });
	if (key.length === 0 || key.length > 12 || !/^[A-Z0-9]+$/.test(key)) return false;
	if (/[0-9]/.test(key)) return true;
	const s = raw.normalize('NFKC').trim().toLowerCase();
	return key.length <= 4 && CODE_PREFIXES.some((prefix) => s.startsWith(prefix) && s !== prefix);
}
