import { checkApprovedManifest } from './manifest.ts';
import { loadContent, type LoadedContent } from './load.ts';
import { checkDiagramsAndImages } from './rules/diagrams-images.ts';
import { checkMdxSafety } from './rules/mdx-safety.ts';
import { checkContentRules } from './rules/references.ts';
import type { Problem } from './problems.ts';

/** Options of {@link validateContent}. */
export interface ValidateOptions {
	/**
	 * Also refuse approved revisions that changed after approval (`content/.approved.json`).
	 * On for `kb check` and production builds; off for `astro dev`, so a trainer can preview a fix.
	 */
	approvedManifest?: boolean;
}

/**
 * Loads `contentDir` and runs every rule that decides whether the content can be built: each file
 * against its schema, the rules across files, the MDX bodies' safe subset and, with
 * `approvedManifest`, approved revisions unchanged. The build guard and `kb check` both call this.
 */
export function validateContent(
	contentDir: string,
	root = process.cwd(),
	options: ValidateOptions = {},
): { content: LoadedContent; problems: Problem[] } {
	const content = loadContent(contentDir, root);
	const manifest = options.approvedManifest ? checkApprovedManifest(content, contentDir, root) : [];
	return {
		content,
		problems: [
			...content.problems,
			...checkContentRules(content),
			...checkMdxSafety(content),
			...checkDiagramsAndImages(content, root),
			...manifest,
		],
	};
}
