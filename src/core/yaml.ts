/**
 * Line-exact edits of top-level YAML fields, for data files and MDX frontmatter.
 * Only the edited fields' text changes: comments, quoting and line breaks elsewhere stay as the
 * author wrote them (a re-serialised document would reflow text and produce noisy diffs).
 */
import { isMap, parse, parseDocument, stringify, type Pair } from 'yaml';

/** One change: set `key` to `value`, or remove it when `value` is undefined. */
export interface FieldUpdate {
	key: string;
	value?: unknown;
	/** Where a missing field goes: after this top-level key (default: at the end). */
	after?: string;
}

/** Applies `updates` to a YAML text's top-level fields. */
export function editYaml(text: string, updates: readonly FieldUpdate[]): string {
	let out = text;
	for (const update of updates) out = editOne(out, update);
	return out;
}

/** A text split into its frontmatter YAML and the rest; `front` is undefined without frontmatter. */
export function splitFrontmatter(text: string): { front?: string; head: string; rest: string } {
	const match = /^(---\r?\n)([\s\S]*?\r?\n)(---(?:\r?\n|$)[\s\S]*)$/.exec(text);
	if (!match) return { head: '', rest: text };
	return { head: match[1]!, front: match[2]!, rest: match[3]! };
}

/** Applies `updates` to the frontmatter of an MDX text; the body is not touched. */
export function editFrontmatter(text: string, updates: readonly FieldUpdate[]): string {
	const { head, front, rest } = splitFrontmatter(text);
	if (front === undefined) throw new Error('the file has no frontmatter');
	return `${head}${editYaml(front, updates)}${rest}`;
}

/** Applies `updates` to a revision file: its frontmatter when it is MDX, else the whole YAML. */
export function editRevisionFile(
	text: string,
	file: string,
	updates: readonly FieldUpdate[],
): string {
	return file.endsWith('.mdx') ? editFrontmatter(text, updates) : editYaml(text, updates);
}

/** The plain data of a YAML file, or of an MDX file's frontmatter (`{}` when there is none). */
export function readFields(text: string, format: 'yaml' | 'mdx'): Record<string, unknown> {
	const yaml = format === 'mdx' ? splitFrontmatter(text).front : text;
	const data: unknown = yaml === undefined ? {} : parse(yaml);
	return data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

// --- internal ---

function editOne(text: string, { key, value, after }: FieldUpdate): string {
	const pairs = topLevelPairs(text);
	const pair = pairs.find((p) => String((p.key as { value?: unknown }).value) === key);
	if (pair) {
		const [start, end] = spanOf(pair);
		if (value === undefined) return text.slice(0, start) + text.slice(lineEnd(text, end));
		const keepNewline = text.slice(start, end).endsWith('\n') ? '\n' : '';
		return text.slice(0, start) + render(key, value) + keepNewline + text.slice(end);
	}
	if (value === undefined) return text;
	const anchor = pairs.find((p) => String((p.key as { value?: unknown }).value) === after);
	const at = anchor ? lineEnd(text, spanOf(anchor)[1]) : text.length;
	const before = text.slice(0, at);
	const glue = before === '' || before.endsWith('\n') ? '' : '\n';
	return `${before}${glue}${render(key, value)}\n${text.slice(at)}`;
}

function topLevelPairs(text: string): Pair[] {
	const doc = parseDocument(text);
	if (doc.errors.length > 0)
		throw new Error(`the YAML does not parse: ${doc.errors[0]!.message.split('\n')[0]}`);
	return isMap(doc.contents) ? doc.contents.items : [];
}

/** The text span of a pair: from its key to the end of its value (a block value's span ends after its newline). */
function spanOf(pair: Pair): [number, number] {
	const keyRange = (pair.key as { range?: [number, number, number] }).range!;
	const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
	return [keyRange[0], valueRange ? valueRange[1] : keyRange[1]];
}

/** The offset just after the line break that ends the line containing `offset - 1`. */
function lineEnd(text: string, offset: number): number {
	if (offset > 0 && text[offset - 1] === '\n') return offset;
	const next = text.indexOf('\n', offset);
	return next === -1 ? text.length : next + 1;
}

/** `key: value` as YAML; dates and number-like strings are single-quoted so they stay strings. */
function render(key: string, value: unknown): string {
	if (typeof value === 'string' && /^(\d{4}-\d{2}-\d{2}|\d+(\.\d+)?)$/.test(value))
		return `${key}: '${value}'`;
	return stringify({ [key]: value }, { lineWidth: 0 }).trimEnd();
}
