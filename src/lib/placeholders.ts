/** `{name}` placeholders in UI strings, filled the same way on the server and in the browser. */

/**
 * `template` with each `{name}` replaced by `vars[name]`; a placeholder without a value stays as
 * written, so a missing variable shows on the page instead of vanishing.
 */
export function fillPlaceholders(
	template: string,
	vars: Readonly<Record<string, string | number>> = {},
): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in vars ? String(vars[name]) : whole,
	);
}
