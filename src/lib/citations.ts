/**
 * Etiquette-rule citations in an MDX body: `<Rule id="knock-properly" />`. One pattern for the
 * build guard, `kb check`, the rule pages' "cited by" lists and the visit walkthrough.
 */
export const RULE_CITATION = /<Rule\s+id=["']([^"']+)["']\s*\/?>/g;

/** The rule ids a body cites, in order of first citation, each once. */
export function citedRules(body: string | undefined): string[] {
	return [...new Set([...(body ?? '').matchAll(RULE_CITATION)].map((m) => m[1]!))];
}
