import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readManifest, recordApproved } from '../../src/core/manifest.ts';
import { guardReport } from '../../src/integrations/content-guard.ts';
import { copyFixture, type FixtureCopy } from '../helpers/fixture.ts';
import { printed } from '../helpers/kb-error.ts';

const APPROVED = 'sops/onsite-visit/2.0.en.mdx';
let copy: FixtureCopy | undefined;
afterEach(() => copy?.dispose());

function fixture(): FixtureCopy {
	copy = copyFixture();
	return copy;
}

/** What the content guard reports for `astro <command>` ('' when it lets the build go on). */
const guard = (contentDir: string, command: 'build' | 'dev') => guardReport(contentDir, command);

function git(dir: string, ...args: string[]): void {
	const r = spawnSync(
		'git',
		['-C', dir, '-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args],
		{ encoding: 'utf8' },
	);
	if (r.status !== 0) throw new Error(r.stderr);
}

describe('approved revisions are immutable', () => {
	it("stops a production build of an approved revision edited after approval, with kb check's message", () => {
		const c = fixture();
		c.edit(APPROVED, (t) => t.replace('## ', '## Edited '));

		const message = guard(c.dir, 'build');

		const file = `${relative(process.cwd(), c.dir)}/${APPROVED}`;
		expect(message).toBe(
			`The content has 1 problem; nothing was built:\n${file}:1: changed after it was approved; approved revisions are never edited. Restore it with \`git checkout -- ${file}\` and make the change in a new revision: \`npm run kb -- revise onsite-visit\`.`,
		);
	});

	it('lets astro dev preview the same edit', () => {
		const c = fixture();
		c.edit(APPROVED, (t) => t.replace('## ', '## Edited '));

		expect(guard(c.dir, 'dev')).toBe('');
	});

	it('refuses to record a hash again for a revision approved with other content', () => {
		const c = fixture();
		git(c.dir, 'init', '-q');
		git(c.dir, 'add', '-A');
		git(c.dir, 'commit', '-qm', 'approved');
		const manifest = JSON.parse(readFileSync(join(c.dir, '.approved.json'), 'utf8')) as {
			files: Record<string, unknown>;
		};
		const files = Object.fromEntries(
			Object.entries(manifest.files).filter(([path]) => path !== APPROVED),
		);
		c.write('.approved.json', JSON.stringify({ ...manifest, files }));
		c.edit(APPROVED, (t) => t.replace('## ', '## Edited '));

		const message = printed(() => recordApproved(c.dir));

		expect(message).toMatch(
			new RegExp(
				`^error \\[approved-file-changed\\]: ${APPROVED.replace(/\./g, '\\.')} was approved with other content \\(its hash is in \\.approved\\.json at commit [0-9a-f]{7}\\); an approved revision is never edited, so its hash is not recorded again\\.\\nfix: Restore it with \`git checkout [0-9a-f]{7} -- `,
			),
		);
		expect(readManifest(c.dir)?.files[APPROVED]).toBeUndefined();
	});

	it('records approver and approval date with the hash', () => {
		const c = fixture();
		c.remove('.approved.json');

		recordApproved(c.dir);

		const entry = readManifest(c.dir)?.files['checklists/onsite-preparation/1.0.yaml'];
		expect(entry?.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
		expect(entry?.approver).toBe('Service manager');
		expect(entry?.approvedOn).toBe('2026-01-20');
	});

	it('says a manifest that is not JSON cannot be read, instead of a stack trace', () => {
		const c = fixture();
		c.write('.approved.json', '{ "files": ');

		expect(printed(() => readManifest(c.dir))).toBe(
			`error [manifest-unreadable]: ${c.dir}/.approved.json is not a manifest of approved revisions (it is not JSON with a "files" object).\nfix: Restore it from git with \`git checkout -- ${c.dir}/.approved.json\`; never edit it by hand.\n`,
		);
	});
});
