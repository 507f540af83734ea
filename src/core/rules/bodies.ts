/**
 * Checks on MDX bodies (SOPs and guides): images need alt text, internal links must lead to a
 * page the build will have, and the translations of one body must have the same shape.
 */
import { LOCALES } from '../../schemas/localized.ts';
import { bodyShape, images, links } from '../mdx-read.ts';
import { localePaths, type SiteRoutes } from '../site-routes.ts';
import type { LoadedContent, LoadedEntry } from '../load.ts';
import { bodyProblem, type Problem } from '../problems.ts';

/** Image alt text and internal links in every MDX body. */
export function checkBodies(content: LoadedContent, routes: SiteRoutes): Problem[] {
	const problems: Problem[] = [];
	for (const [collection, entry] of mdxEntries(content)) {
		const { tree } = entry.parsed!;
		for (const image of images(tree)) {
			if (image.alt) continue;
			const message = `image ${image.src} has no alt text; describe what it shows, e.g. ![The fuse F1 on the power board](${image.src}), so a screen reader or a failed download still tells the technician.`;
			problems.push(bodyProblem(entry.file, image, message));
		}
		for (const link of links(tree)) {
			const message = linkProblem(link.target, pagesOf(collection, entry), routes);
			if (message) problems.push(bodyProblem(entry.file, link, message));
		}
	}
	return problems;
}

/** Each translation of a body against the default locale's: same headings, steps, callouts, diagrams and cited rules. */
export function checkTranslationShapes(content: LoadedContent): Problem[] {
	const problems: Problem[] = [];
	const byBase = new Map<string, Map<string, LoadedEntry>>();
	for (const [, entry] of mdxEntries(content)) {
		const dot = entry.id.lastIndexOf('.');
		const base = entry.id.slice(0, dot);
		byBase.set(
			base,
			(byBase.get(base) ?? new Map<string, LoadedEntry>()).set(entry.id.slice(dot + 1), entry),
		);
	}
	for (const group of byBase.values()) {
		const reference = group.get(LOCALES[0]);
		// A body that is not valid MDX has an empty tree; its syntax error is the one message it gets.
		if (!reference || reference.parsed!.problems.length > 0) continue;
		const want = bodyShape(reference.parsed!.tree);
		for (const [locale, entry] of group) {
			if (locale === LOCALES[0] || entry.parsed!.problems.length > 0) continue;
			const have = bodyShape(entry.parsed!.tree);
			const warn = (message: string) =>
				problems.push(bodyProblem(entry.file, undefined, message, 'warning'));
			for (const what of new Set([...Object.keys(want.counts), ...Object.keys(have.counts)])) {
				const [n, m] = [have.counts[what] ?? 0, want.counts[what] ?? 0];
				if (n !== m)
					warn(
						`${what}: ${n} here but ${m} in ${reference.file}; translate what is missing so both languages say the same.`,
					);
			}
			for (const id of want.rules.filter((r) => !have.rules.includes(r))) {
				warn(
					`does not cite <Rule id="${id}" /> as ${reference.file} does; cite the same rules in both languages.`,
				);
			}
			for (const id of have.rules.filter((r) => !want.rules.includes(r))) {
				warn(
					`cites <Rule id="${id}" /> but ${reference.file} does not; cite the same rules in both languages.`,
				);
			}
		}
	}
	return problems;
}

// --- internal ---

type MdxEntry = [collection: string, entry: LoadedEntry];

function mdxEntries(content: LoadedContent): MdxEntry[] {
	return Object.entries(content.entries).flatMap(([collection, list]) =>
		(list as LoadedEntry[])
			.filter((e) => e.body !== undefined)
			.map((e): MdxEntry => [collection, e]),
	);
}

/** The root paths an entry's page is served at, for resolving relative links. */
function pagesOf(collection: string, entry: LoadedEntry): string[] {
	const dot = entry.id.lastIndexOf('.');
	const [base, locale] = [entry.id.slice(0, dot), entry.id.slice(dot + 1)];
	const localeIndex = (LOCALES as readonly string[]).indexOf(locale);
	const pick = (path: string) => localePaths(path)[Math.max(0, localeIndex)]!;
	if (collection === 'guides') return [pick(`guides/${base}/`)];
	if (collection === 'sops') {
		const [slug] = base.split('/');
		const current = (entry.data as { status?: string }).status === 'approved';
		return [pick(`sops/${base}/`), ...(current ? [pick(`sops/${slug}/`)] : [])];
	}
	return [];
}

/** What is wrong with a link target, or undefined when it leads to a page (or is not internal). */
function linkProblem(target: string, pageUrls: string[], routes: SiteRoutes): string | undefined {
	if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(target)) return undefined;
	const absolute = target.startsWith('/');
	const from = absolute ? ['/'] : pageUrls;
	for (const page of from) {
		const path = new URL(target, `http://site${page}`).pathname;
		const found = resolve(path, routes);
		if (found === true) continue;
		const via = absolute ? '' : ` (from ${page} it leads to ${path})`;
		if (found === 'draft')
			return `links to ${target}${via}, a draft revision that a build leaves out; link to the current revision or wait until this one is approved.`;
		return `links to ${target}${via}, which is not a page of the site; link to an existing page, written from the site root, e.g. /faults/ac/e4/ or /en/sops/onsite-visit/.`;
	}
	return undefined;
}

function resolve(rawPath: string, routes: SiteRoutes): true | 'draft' | false {
	const path = decodeURI(rawPath);
	if (routes.files.has(path) || path.startsWith('/pagefind/')) return true;
	const page = /\/[^/]*\.[a-z0-9]+$/i.test(path) || path.endsWith('/') ? path : `${path}/`;
	if (routes.pages.has(page)) return true;
	if (routes.drafts.has(page)) return 'draft';
	const segments = page.split('/').filter(Boolean);
	const section = (LOCALES as readonly string[]).includes(segments[0] ?? '')
		? segments[1]
		: segments[0];
	return section !== undefined && routes.unmodelled.has(section);
}
