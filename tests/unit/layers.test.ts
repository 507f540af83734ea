import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer rule of eslint.config.js, run through ESLint's Node API on snippets placed at
// made-up paths in the real tree. The files need not exist: the rule judges where an import
// points, not whether the target is there. Type information is switched off because a file
// that does not exist is not in the TypeScript program; the layer rules do not use types.
const LAYER_RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports']);
let eslint: ESLint;

beforeAll(async () => {
	eslint = new ESLint({
		cwd: process.cwd(),
		overrideConfig: tseslint.configs.disableTypeChecked,
		ruleFilter: ({ ruleId }) => LAYER_RULES.has(ruleId),
	});
	// Loading the config and its plugins takes seconds; do it once here, not in the first test.
	await eslint.calculateConfigForFile('src/lib/x.ts');
}, 60_000);

describe('the layer rule', () => {
	it.each([
		[
			'src/integrations/x.ts',
			"import { run } from '../../scripts/lib/x.ts';",
			'Unexpected path "../../scripts/lib/x.ts" imported in restricted zone. Nothing in src/ imports the CLI (scripts/); shared logic belongs in src/lib/ or src/core/.',
		],
		[
			'src/lib/x.ts',
			"import '../data/content.ts';",
			'Unexpected path "../data/content.ts" imported in restricted zone. src/lib/ is the ground floor: it imports only src/lib/ and src/i18n/*.json.',
		],
		[
			'src/lib/x.ts',
			"import { getCollection } from 'astro:content';",
			"'astro:content' import is restricted from being used by a pattern. src/lib/ runs everywhere (CLI, tests, browser); no astro:* modules.",
		],
		[
			'src/schemas/x.ts',
			"import { loadContent } from '../core/load.ts';",
			'Unexpected path "../core/load.ts" imported in restricted zone. src/schemas/ is plain zod: it imports only src/schemas/ and src/lib/.',
		],
		[
			'src/core/rules/x.ts',
			"import { faults } from '../../data/content.ts';",
			'Unexpected path "../../data/content.ts" imported in restricted zone. The content core (src/core/) imports only src/schemas/ and src/lib/.',
		],
		[
			'src/data/x.ts',
			"import Card from '../components/Card.astro';",
			'Unexpected path "../components/Card.astro" imported in restricted zone. src/data/ (views over collections) sits below components, layouts, pages, client and integrations; it never imports them.',
		],
		[
			'src/client/learn/x.ts',
			"import type { ChoiceLetter } from '../../schemas/quiz.ts';",
			'Unexpected path "../../schemas/quiz.ts" imported in restricted zone. Browser modules (src/client/) import only src/lib/; strings come as a JSON attribute.',
		],
		[
			'src/components/x.ts',
			"import { getStaticPaths } from '../pages/[...lang]/index.astro';",
			'Unexpected path "../pages/[...lang]/index.astro" imported in restricted zone. Components and layouts are composed by pages, never the other way round.',
		],
		[
			'src/layouts/Frame.astro',
			"---\nimport Home from '../pages/[...lang]/index.astro';\n---\n<Home />",
			'Unexpected path "../pages/[...lang]/index.astro" imported in restricted zone. Components and layouts are composed by pages, never the other way round.',
		],
		[
			'scripts/commands/x.ts',
			"import { faults } from '../../src/data/content.ts';",
			'Unexpected path "../../src/data/content.ts" imported in restricted zone. The CLI (scripts/) runs without Astro: it imports src/core/, src/schemas/, src/lib/, never site code.',
		],
		[
			'scripts/lib/x.ts',
			"import { defineCollection } from 'astro:content';",
			"'astro:content' import is restricted from being used by a pattern. The CLI runs in plain Node; no astro:* modules.",
		],
	])('reports an import in %s: %s', async (filePath, code, message) => {
		const messages = await lint(filePath, code);

		expect(messages).toEqual([message]);
	});

	it.each([
		['src/lib/x.ts', "import { LOCALES } from './locales.ts';\nimport en from '../i18n/en.json';"],
		['src/schemas/x.ts', "import { z } from 'zod';\nimport { STATUSES } from '../lib/status.ts';"],
		['src/core/x.ts', "import { FaultCodeSchema } from '../schemas/fault-code.ts';"],
		[
			'src/data/x.ts',
			"import { getCollection } from 'astro:content';\nimport { loadContent } from '../core/load.ts';",
		],
		[
			'src/client/search/x.ts',
			"import { queryTerms } from '../../lib/search-terms.ts';\nimport { readJson } from '../storage.ts';",
		],
		['src/integrations/x.ts', "import { validateContent } from '../core/validate.ts';"],
		['src/pages/x.ts', "import { faults } from '../data/content.ts';"],
		['scripts/lib/x.ts', "import { validateContent } from '../../src/core/validate.ts';"],
	])('allows the imports in %s: %s', async (filePath, code) => {
		const messages = await lint(filePath, code);

		expect(messages).toEqual([]);
	});
});

// --- internal ---

async function lint(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(`${code}\n`, { filePath });
	return result?.messages.map((m) => m.message) ?? [];
}
