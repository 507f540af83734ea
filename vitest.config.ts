import { defineConfig } from 'vitest/config';

// Two projects: fast pure-logic tests, and tests that build a site and drive Chromium.
export default defineConfig({
	test: {
		projects: [
			{ test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
			{
				test: {
					name: 'site',
					include: [
						'tests/site/**/*.test.ts',
						'tests/e2e/**/*.test.ts',
						'tests/search/**/*.test.ts',
						'tests/integration/**/*.test.ts',
					],
					environment: 'node',
					testTimeout: 120_000,
					hookTimeout: 300_000,
					// Builds share the machine's two cores; run the files one after another.
					fileParallelism: false,
					// Each content set is built once per run, by the first spec that needs it, and shared (tests/helpers/builds.ts).
					globalSetup: ['tests/helpers/global-builds.ts'],
				},
			},
		],
	},
});
