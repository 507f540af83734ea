import { loadContent, type LoadedContent } from './load.ts';
import { checkMdxSafety } from './rules/mdx-safety.ts';
import { checkContentRules } from './rules/references.ts';
import type { Problem } from './problems.ts';

/** Loads `contentDir`, validates every file, the rules across files and the MDX bodies' safe subset. */
export function validateContent(contentDir: string, root = process.cwd()): { content: LoadedContent; problems: Problem[] } {
	const content = loadContent(contentDir, root);
	return { content, problems: [...content.problems, ...checkContentRules(content), ...checkMdxSafety(content)] };
}
