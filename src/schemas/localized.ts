import { z } from 'zod';

import { LOCALES, type Locale } from '../lib/locales.ts';

// The locales are vocabulary (src/lib/locales.ts); re-exported for the schemas' users.
export { LOCALES, type Locale };

const text = (locale: Locale) =>
	z
		.string({ error: `the ${locale} text is missing; add a \`${locale}:\` line under this field.` })
		.trim()
		.min(1, `the ${locale} text is empty; write the ${locale} wording.`);

/**
 * A text written in every locale: `{ zh-CN: '…', en: '…' }`.
 * Both are required, so an entry can never be half-translated.
 */
export const LocalizedSchema = z.object(
	{ 'zh-CN': text('zh-CN'), en: text('en') },
	{ error: 'expected a text in both languages, as `zh-CN: …` and `en: …` lines beneath the field.' },
);
/** A text in every locale. */
export type Localized = z.output<typeof LocalizedSchema>;

/** A list of texts, each written in every locale. Defaults to an empty list. */
export const LocalizedListSchema = z.array(LocalizedSchema).default([]);

/** A `YYYY-MM-DD` calendar date, kept as that string so it never shifts with a time zone. */
export const DateSchema = z.preprocess(
	// Astro's frontmatter parser turns unquoted dates into Date objects; the CLI's YAML parser keeps strings.
	(v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
	z.iso.date({ error: 'expected a date written as YYYY-MM-DD (for example 2026-03-01).' }),
);

/** A kebab-case identifier, used in file names and URLs. */
export const SlugSchema = z
	.string()
	.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and single hyphens.');

/**
 * The error callback of an enum field: "is missing" when absent, else names the bad value
 * and lists the allowed ones. `what` names the kind of value, e.g. "priority".
 */
export function oneOf(what: string, values: readonly string[]) {
	return (issue: { input?: unknown }): string =>
		issue.input === undefined
			? `is missing; add it with one of ${values.join(', ')}.`
			: `${JSON.stringify(issue.input)} is not a ${what}; use one of ${values.join(', ')}.`;
}
