/**
 * The subset of MDX an SOP or guide body may use, as data: Markdown with GFM, the documented
 * components and their props, a few harmless HTML elements and attributes, and link targets a
 * browser cannot run. `rules/mdx-safety.ts` enforces it on the tree; docs/content-format.md
 * lists it for authors and docs/decisions/0006-mdx-safe-subset.md says why.
 */

/** One component a body may use without importing it: its props and whether each is required. */
export interface ComponentSpec {
	props: Record<string, 'required' | 'optional'>;
	/** How to write it, for messages. */
	example: string;
}

/**
 * The components of `src/components/mdx/index.ts` (`mdxComponents`), with the props their
 * `Props` declare; a unit test fails when the two differ. `Callout` is what four of them are
 * built from and is not passed to bodies.
 */
export const MDX_COMPONENTS: Record<string, ComponentSpec> = {
	Steps: { props: {}, example: '<Steps> … </Steps>' },
	Warning: { props: {}, example: '<Warning> … </Warning>' },
	Checkpoint: { props: {}, example: '<Checkpoint> … </Checkpoint>' },
	Tools: { props: {}, example: '<Tools> … </Tools>' },
	Parts: { props: {}, example: '<Parts> … </Parts>' },
	Rule: { props: { id: 'required' }, example: '<Rule id="knock-properly" />' },
};

/** Attributes any allowed HTML element may carry. No `id`, `name` or `class`: they could clobber the page's script globals or dress text up as the site's own UI. */
export const GLOBAL_ATTRIBUTES: readonly string[] = ['title', 'lang'];

/** The raw HTML elements a body may use (MDX reads them as JSX), each with the attributes it may carry besides the global ones. */
export const HTML_ELEMENTS: Record<string, readonly string[]> = {
	...Object.fromEntries(
		[
			'p',
			'br',
			'hr',
			'strong',
			'em',
			'b',
			'i',
			'u',
			's',
			'del',
			'ins',
			'sub',
			'sup',
			'small',
			'mark',
			'kbd',
			'code',
			'pre',
			'abbr',
			'blockquote',
		].map((e) => [e, []]),
	),
	...Object.fromEntries(
		[
			'ul',
			'li',
			'dl',
			'dt',
			'dd',
			'table',
			'thead',
			'tbody',
			'tfoot',
			'tr',
			'caption',
			'h2',
			'h3',
			'h4',
			'h5',
			'h6',
		].map((e) => [e, []]),
	),
	ol: ['start'],
	th: ['colspan', 'rowspan'],
	td: ['colspan', 'rowspan'],
	a: ['href'],
	img: ['src', 'alt', 'width', 'height'],
};

/** The attributes holding a URL, which must pass {@link isSafeUrl}. */
export const URL_ATTRIBUTES: readonly string[] = ['href', 'src'];

/** The URL schemes a link or image may use; anything else with a scheme (javascript:, data:, vbscript:, file:) is refused. */
export const URL_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel'];

/**
 * The scheme of a URL as a browser would read it, lower-cased, or undefined for a relative URL
 * (a path, `#anchor`, `?query` or `//host`). Blanks, control and invisible characters are
 * dropped first, since browsers skip some of them (` javascript:`, `java&#9;script:`); the
 * parser has already decoded character references.
 */
export function urlScheme(url: string): string | undefined {
	const bare = url.replace(/[\p{Cc}\p{Cf}\p{Z}\s]/gu, '');
	return /^([a-z][a-z0-9+.-]*):/i.exec(bare)?.[1]?.toLowerCase();
}

/** Whether a link or image target is relative or uses one of {@link URL_SCHEMES}. */
export function isSafeUrl(url: string): boolean {
	const scheme = urlScheme(url);
	return scheme === undefined || URL_SCHEMES.includes(scheme);
}
