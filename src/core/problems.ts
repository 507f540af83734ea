/** A content problem: which file, where, which field, and a sentence saying what is wrong and how to fix it. */
export interface Problem {
	/** Path relative to the project root, with forward slashes. */
	file: string;
	/** 1-based line of the field, when known. */
	line?: number;
	/** 1-based column on that line, when known (MDX bodies point at the exact tag). */
	column?: number;
	/** Dotted path of the field, e.g. `items.2.evidence`; '' for the file as a whole. */
	field: string;
	message: string;
	severity: 'error' | 'warning';
}

/**
 * A problem in an MDX body at a position in the file (`line` and `column` 1-based, when known):
 * the shape every body rule reports.
 */
export function bodyProblem(
	file: string,
	at: { line?: number; column?: number } | undefined,
	message: string,
	severity: Problem['severity'] = 'error',
): Problem {
	return { file, line: at?.line, column: at?.column, field: 'body', severity, message };
}

/** `file:line:column: field: message` (line and column when known), the form editors and CI logs link from. */
export function formatProblem(p: Problem): string {
	const where = p.line ? `${p.file}:${p.line}${p.column ? `:${p.column}` : ''}` : p.file;
	return p.field ? `${where}: ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}

/** A GitHub Actions annotation line for the problem. */
export function formatGithub(p: Problem): string {
	const line = p.line ? `,line=${p.line}${p.column ? `,col=${p.column}` : ''}` : '';
	return `::${p.severity} file=${p.file}${line}::${p.field ? `${p.field}: ` : ''}${p.message}`;
}

/** The problems of the given severity. */
export function errorsOf(problems: readonly Problem[]): Problem[] {
	return problems.filter((p) => p.severity === 'error');
}
