import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakingFixture } from '../helpers/broken-content.ts';

const problemsAfter = breakingFixture();
const GUIDE = 'guides/workflow.en.mdx';
const append = (text: string) => (t: string) => `${t}\n${text}\n`;

// Mermaid's parser loads in a child process (~2 s idle, more on a busy CI machine).
describe('checkDiagramsAndImages', { timeout: 60_000 }, () => {
	it('refuses a Mermaid diagram that does not parse, at its code block', () => {
		const problems = problemsAfter((c) =>
			c.edit(GUIDE, append('```mermaid\nflowchart TD\n  Door -->\n```')),
		);

		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(
			/^content\/guides\/workflow\.en\.mdx:\d+:1: body: the Mermaid diagram does not parse \(Parse error on line \d+: .*got 'EOF'\); fix its syntax — the page would show an error box instead of the flowchart\.$/,
		);
	});

	it('accepts diagrams that parse, flowcharts and sequence diagrams alike', () => {
		const problems = problemsAfter((c) =>
			c.edit(
				GUIDE,
				append(
					'```mermaid\nflowchart TD\n  Door --> Shoes[Shoe covers on]\n```\n\n```mermaid\nsequenceDiagram\n  Technician->>Customer: 您好\n```',
				),
			),
		);

		expect(problems).toEqual([]);
	});

	it('refuses a picture beside the file that is not there, naming where it looked', () => {
		const problems = problemsAfter((c) => c.edit(GUIDE, append('![The pump](./pump.png)')));

		expect(problems).toEqual([
			expect.stringMatching(
				/^content\/guides\/workflow\.en\.mdx:\d+:1: body: picture \.\/pump\.png is not there \(looked for content\/guides\/pump\.png\); put the file beside workflow\.en\.mdx or fix the path\.$/,
			),
		]);
	});

	it('accepts a picture beside the file, and pictures on other sites', () => {
		const problems = problemsAfter((c) => {
			writeFileSync(join(c.dir, 'guides', 'pump.png'), 'png');
			c.edit(GUIDE, append('![The pump](./pump.png)\n\n![The fan](https://example.com/fan.png)'));
		});

		expect(problems).toEqual([]);
	});
});
