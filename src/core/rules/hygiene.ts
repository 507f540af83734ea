/**
 * Checks that catch half-finished authoring: template placeholders left in, English texts
 * still in Chinese, and fields the schema does not know (zod ignores them, so a misspelt
 * optional field would otherwise vanish without a word).
 */
import { z } from 'zod';
import { COLLECTIONS, type CollectionName } from '../../schemas/collections.ts';
import { walk } from '../mdx.ts';
import type { LoadedContent, LoadedEntry } from '../load.ts';
import type { Problem } from '../problems.ts';

/** The marker every template placeholder starts with. */
export const PLACEHOLDER = 'TODO';

/** Template placeholders still in a field, or in the text or code of a body. */
export function checkPlaceholders(content: LoadedContent): Problem[] {
	const problems: Problem[] = [];
	for (const entry of allEntries(content)) {
		for (const [path, text] of strings(entry.data)) {
			if (!text.includes(PLACEHOLDER)) continue;
			problems.push({
				file: entry.file,
				line: entry.lineOf(path),
				field: path.join('.'),
				severity: 'warning',
				message: `still holds the template placeholder "${clip(text)}"; write the real text.`,
			});
		}
		if (entry.body === undefined || !entry.body.includes(PLACEHOLDER)) continue;
		walk(entry.parsed!.tree, (node) => {
			if (
				(node.type !== 'text' && node.type !== 'inlineCode' && node.type !== 'code') ||
				!node.value.includes(PLACEHOLDER)
			)
				return;
			// A code block's text starts on the line after its fence (MDX has no indented code).
			const first = (node.position?.start.line ?? 0) + (node.type === 'code' ? 1 : 0);
			node.value.split('\n').forEach((line, i) => {
				if (!line.includes(PLACEHOLDER)) return;
				problems.push({
					file: entry.file,
					line: first + i,
					field: 'body',
					severity: 'warning',
					message: `still holds the template placeholder "${clip(line.trim())}"; write the real text.`,
				});
			});
		});
	}
	return problems;
}

/** English texts written in Chinese: the `en` side of a two-language field, and the text fields of an `en` MDX file. */
export function checkUntranslated(content: LoadedContent): Problem[] {
	const problems: Problem[] = [];
	for (const entry of allEntries(content)) {
		const english = entry.body !== undefined && entry.id.endsWith('.en');
		for (const [path, text] of strings(entry.data)) {
			const localizedEn = path.at(-1) === 'en';
			const ownText = english && path.length === 1 && OWN_LANGUAGE_FIELDS.has(String(path[0]));
			if ((localizedEn || ownText) && HAN.test(text)) {
				problems.push({
					file: entry.file,
					line: entry.lineOf(path),
					field: path.join('.'),
					severity: 'warning',
					message: `is written in Chinese ("${clip(text)}"); translate it into English.`,
				});
			}
		}
	}
	return problems;
}

/** Fields a file has that its schema does not define. */
export function checkUnknownFields(content: LoadedContent): Problem[] {
	const problems: Problem[] = [];
	for (const [name, list] of Object.entries(content.entries) as [CollectionName, LoadedEntry[]][]) {
		const spec = COLLECTIONS[name];
		const schema = z.toJSONSchema(spec.schema, { io: 'input', unrepresentable: 'any' }) as Json;
		for (const entry of list) {
			for (const [path, key, known] of unknownKeys(entry.raw, schema)) {
				const message = `${key} is not a field here, so it is ignored; check its spelling (the fields are ${known.join(', ')}).`;
				problems.push({
					file: entry.file,
					line: entry.lineOf([...path, key]),
					field: [...path, key].join('.'),
					severity: 'warning',
					message,
				});
			}
		}
	}
	return problems;
}

// --- internal ---

type Json = Record<string, unknown>;
type Path = (string | number)[];

const HAN = /\p{Script=Han}/u;
// In an `en` MDX file these frontmatter fields are written in the file's language; owner and approver are names.
const OWN_LANGUAGE_FIELDS = new Set(['title', 'summary', 'changeSummary', 'description']);

const clip = (s: string) => (s.length > 48 ? `${s.slice(0, 47)}…` : s);

function allEntries(content: LoadedContent): LoadedEntry[] {
	return Object.values(content.entries).flat();
}

/** Every string in a value, with its path. */
function strings(value: unknown, path: Path = []): [Path, string][] {
	if (typeof value === 'string') return [[path, value]];
	if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, [...path, i]));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => strings(v, [...path, k]));
	return [];
}

function unknownKeys(raw: unknown, schema: Json, path: Path = []): [Path, string, string[]][] {
	if (Array.isArray(raw)) {
		const items = schema.items as Json | undefined;
		return items ? raw.flatMap((v, i) => unknownKeys(v, items, [...path, i])) : [];
	}
	const props = schema.properties as Record<string, Json> | undefined;
	if (!raw || typeof raw !== 'object' || !props) return [];
	return Object.entries(raw).flatMap(([key, value]): [Path, string, string[]][] =>
		props[key] ? unknownKeys(value, props[key], [...path, key]) : [[path, key, Object.keys(props)]],
	);
}
