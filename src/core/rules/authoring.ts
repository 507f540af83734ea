/**
 * The authoring checks `kb check` runs on top of the build-blocking content rules
 * (`content-rules.ts`): problems a trainer should fix before publishing, but which do not stop
 * a build. Errors fail `kb check` (and CI); warnings are reported and pass.
 */
import { checkBodies, checkTranslationShapes } from './bodies.ts';
import {
	checkDocIds,
	checkFaultsWithoutSop,
	checkGuideSlugs,
	checkReviewsDue,
	checkUncitedRules,
} from './coverage.ts';
import { checkPlaceholders, checkUnknownFields, checkUntranslated } from './hygiene.ts';
import { siteRoutes } from '../site-routes.ts';
import type { LoadedContent } from '../load.ts';
import type { Problem } from '../problems.ts';

/** Where the content is and the date the review checks count from. */
export interface AuthoringContext {
	/** The content folder, as given to the loader. */
	contentDir: string;
	/** What problem paths are relative to (and entry files are read from). */
	root: string;
	/** The project folder holding `src/pages/` and `public/`, for the link check. */
	siteDir: string;
	/** Today as YYYY-MM-DD (KB_TODAY in the CLI). */
	today: string;
}

/** Every authoring check, in a stable order: document control, bodies, translations, coverage, hygiene. */
export function checkAuthoringRules(content: LoadedContent, ctx: AuthoringContext): Problem[] {
	const routes = siteRoutes(content, ctx.siteDir);
	return [
		...checkDocIds(content),
		...checkGuideSlugs(content, routes),
		...checkBodies(content, routes),
		...checkTranslationShapes(content),
		...checkUntranslated(content),
		...checkReviewsDue(content, ctx.today),
		...checkFaultsWithoutSop(content),
		...checkUncitedRules(content),
		...checkPlaceholders(content),
		...checkUnknownFields(content),
	];
}
