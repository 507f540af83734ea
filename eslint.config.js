// @ts-check
import path from 'node:path';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import astro from 'eslint-plugin-astro';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer rule (CONVENTIONS.md, "Layers: every import points down"; docs/decisions/0040).
 * Each zone: files under `target` may not import from `from`, except from the subfolders of
 * `from` listed in `except`. Imports are judged by the path they resolve to, so `../data/x.ts`
 * and `../../src/data/x.ts` are the same import. src/i18n/*.json (UI strings) is ground floor
 * like src/lib; browser code alone may not import it (it gets its strings as a JSON attribute).
 */
const LAYERS = [
	{
		target: 'src/lib',
		from: 'src',
		except: ['lib', 'i18n'],
		message: 'src/lib/ is the ground floor: it imports only src/lib/ and src/i18n/*.json.',
	},
	{
		target: 'src/schemas',
		from: 'src',
		except: ['schemas', 'lib', 'i18n'],
		message: 'src/schemas/ is plain zod: it imports only src/schemas/ and src/lib/.',
	},
	{
		target: 'src/core',
		from: 'src',
		except: ['core', 'schemas', 'lib', 'i18n'],
		message: 'The content core (src/core/) imports only src/schemas/ and src/lib/.',
	},
	{
		target: 'src/data',
		from: ['src/components', 'src/layouts', 'src/pages', 'src/client', 'src/integrations'],
		message:
			'src/data/ (views over collections) sits below components, layouts, pages, client and integrations; it never imports them.',
	},
	{
		target: 'src/client',
		from: 'src',
		except: ['client', 'lib'],
		message:
			'Browser modules (src/client/) import only src/lib/; strings come as a JSON attribute.',
	},
	{
		target: ['src/components', 'src/layouts'],
		from: 'src/pages',
		message: 'Components and layouts are composed by pages, never the other way round.',
	},
	{
		target: 'src/integrations',
		from: 'src',
		except: ['integrations', 'core', 'schemas', 'lib', 'i18n'],
		message: 'Build hooks (src/integrations/) import only src/core/, src/schemas/, src/lib/.',
	},
	{
		target: 'src',
		from: 'scripts',
		message:
			'Nothing in src/ imports the CLI (scripts/); shared logic belongs in src/lib/ or src/core/.',
	},
	{
		target: 'scripts',
		from: [
			'src/pages',
			'src/components',
			'src/layouts',
			'src/data',
			'src/client',
			'src/integrations',
			'src/content.config.ts',
		],
		message:
			'The CLI (scripts/) runs without Astro: it imports src/core/, src/schemas/, src/lib/, never site code.',
	},
];

/** Folders whose code runs outside Astro's Vite build, where `astro:*` modules do not exist. */
const NO_ASTRO_MODULES = [
	{
		files: ['src/lib/**'],
		message: 'src/lib/ runs everywhere (CLI, tests, browser); no astro:* modules.',
	},
	{
		files: ['src/schemas/**'],
		message:
			'Schemas are plain zod, importable from Node; apply astro:content helpers in src/content.config.ts.',
	},
	{ files: ['src/core/**'], message: 'The content core also runs in the CLI; no astro:* modules.' },
	{
		files: ['src/integrations/**'],
		message:
			'Build hooks are loaded by astro.config.mjs in plain Node, before astro:* modules exist.',
	},
	{ files: ['scripts/**'], message: 'The CLI runs in plain Node; no astro:* modules.' },
];

export default defineConfig(
	globalIgnores([
		'dist/',
		'.astro/',
		'public/vendor/',
		'tests/.tmp/',
		'tests/bench/.out/',
		'tests/fixtures/',
	]),

	js.configs.recommended,
	tseslint.configs.strictTypeChecked,
	{
		languageOptions: {
			parserOptions: {
				// tsconfig includes every file (allowJs), so no default project is needed.
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
			},
		},
		rules: {
			// Off. tsconfig has noUncheckedIndexedAccess, so every `list[i]`, `match[1]` and
			// `map.get(k)` after a bounds or `has()` check is `T | undefined`; `!` there states what
			// the check proved. The rule fired 230 times, nearly all on such indexes; rewriting them
			// as runtime checks would add branches that cannot run. A `!` that changes nothing is
			// still reported by no-unnecessary-type-assertion, `a?.b!` by
			// no-non-null-asserted-optional-chain.
			'@typescript-eslint/no-non-null-assertion': 'off',
			// `list.forEach((x) => set.add(x))` and `el.addEventListener('click', () => go())` are
			// clear; `return console.log(…)` in a block still is reported.
			'@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
			// Numbers in messages are fine (`${count} files`); booleans, objects and nullish values
			// stay reported: they print as "true", "[object Object]" or "undefined".
			'@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
		},
	},

	// Globals: browser modules run in the page, everything else in Node (build, CLI, tests).
	{ files: ['src/client/**'], languageOptions: { globals: globals.browser } },
	{ ignores: ['src/client/**'], languageOptions: { globals: globals.node } },

	astro.configs.recommended,
	{
		// .astro frontmatter and <script> blocks are linted without type information: typed linting
		// of .astro makes astro-eslint-parser write temporary .tsx files next to each component
		// (where editors and dev servers see them) and is slow; `astro check` type-checks these
		// files instead.
		files: ['**/*.astro', '**/*.astro/*.ts', '**/*.astro/*.js'],
		extends: [tseslint.configs.disableTypeChecked],
		rules: {
			// TypeScript (astro check) reports undefined names with the right types; no-undef
			// does not know Astro's ambient globals in the frontmatter.
			'no-undef': 'off',
		},
	},

	// The layer rule: the LAYERS and NO_ASTRO_MODULES tables above.
	{
		plugins: { 'import-x': importX },
		settings: {
			'import-x/resolver-next': [createNodeResolver(), relativePathResolver()],
		},
		rules: {
			'import-x/no-restricted-paths': [
				'error',
				{
					basePath: import.meta.dirname,
					zones: LAYERS,
				},
			],
		},
	},
	NO_ASTRO_MODULES.map(({ files, message }) => ({
		files,
		rules: {
			'no-restricted-imports': ['error', { patterns: [{ regex: '^astro:', message }] }],
		},
	})),

	// Last: turn off every rule that formatting decides, so style is Prettier's alone.
	prettier,
);

/**
 * An import-x resolver that maps a relative specifier to its path, whether or not the file
 * exists yet, so the layer rule judges `import '../../scripts/lib/new.ts'` by where it points.
 * Node's resolver runs first; this only catches what it did not find.
 * @returns {import('eslint-plugin-import-x').NewResolver}
 */
function relativePathResolver() {
	return {
		interfaceVersion: 3,
		name: 'relative-path',
		resolve(source, file) {
			if (!source.startsWith('.')) return { found: false };
			return { found: true, path: path.resolve(path.dirname(file), source.replace(/\?.*$/, '')) };
		},
	};
}
