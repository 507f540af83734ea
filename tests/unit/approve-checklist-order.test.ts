import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { approveDocument } from '../../scripts/lib/authoring-approve.ts';
import { copyFixture, type FixtureCopy } from '../helpers/fixture.ts';
import { printed } from '../helpers/kb-error.ts';

let copy: FixtureCopy | undefined;
afterEach(() => copy?.dispose());

/** The fixture with its one SOP back to a single draft revision and its checklist a draft too. */
function draftsOnly(): FixtureCopy {
	copy = copyFixture();
	const toDraft = (t: string) =>
		t
			.replace(/status: (approved|superseded)/, 'status: draft')
			.replace(/^approver:.*\n^approvedOn:.*\n/m, '');
	for (const locale of ['en', 'zh-CN']) {
		copy.remove(`sops/onsite-visit/1.0.${locale}.mdx`);
		copy.edit(`sops/onsite-visit/2.0.${locale}.mdx`, toDraft);
	}
	copy.edit('checklists/onsite-preparation/1.0.yaml', toDraft);
	copy.remove('.approved.json');
	return copy;
}

describe('approveDocument on a checklist', () => {
	it("refuses while the checklist's SOP is still a draft, and changes nothing", () => {
		const c = draftsOnly();
		const file = join(c.dir, 'checklists/onsite-preparation/1.0.yaml');
		const before = readFileSync(file, 'utf8');

		const message = printed(() =>
			approveDocument(c.dir, 'onsite-preparation', {
				by: 'Service manager',
				today: '2026-11-26',
				root: `${c.dir}/..`,
			}),
		);

		expect(message).toBe(
			'error [result-invalid]: Approving would leave errors, so nothing was changed:\n' +
				'content/checklists/onsite-preparation/1.0.yaml:15: sop: names SOP onsite-visit, which has no approved revision, so this approved checklist would link to a page the site leaves out; approve onsite-visit first (`npm run kb -- approve onsite-visit --by <name>`), or remove the link until then.\n' +
				'fix: Fix these in the draft, then approve again.\n',
		);
		expect(readFileSync(file, 'utf8')).toBe(before);
	});

	it('approves once the SOP is approved', () => {
		const c = draftsOnly();
		approveDocument(c.dir, 'sops/onsite-visit', {
			by: 'Service manager',
			today: '2026-11-26',
			root: `${c.dir}/..`,
		});

		const result = approveDocument(c.dir, 'checklists/onsite-preparation', {
			by: 'Service manager',
			today: '2026-11-26',
			root: `${c.dir}/..`,
		});

		expect(result.approved.status).toBe('approved');
	});
});
