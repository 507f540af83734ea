import { afterEach } from 'vitest';
import { formatProblem } from '../../src/core/problems.ts';
import { validateContent } from '../../src/core/validate.ts';
import { copyFixture, type FixtureCopy } from './fixture.ts';

/**
 * For bad-input tests: returns a function that applies one breakage to a fresh copy of the
 * fixture content and gives the formatted problems (paths relative to the copy). Each copy is
 * removed after its test.
 */
export function breakingFixture(): (breakIt: (c: FixtureCopy) => void) => string[] {
	let copy: FixtureCopy | undefined;
	afterEach(() => copy?.dispose());
	return (breakIt) => {
		copy = copyFixture();
		breakIt(copy);
		const { problems } = validateContent(copy.dir, `${copy.dir}/..`);
		return problems.map(formatProblem);
	};
}
