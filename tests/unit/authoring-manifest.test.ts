import { describe, expect, it } from 'vitest';
import { hashRevision } from '../../src/core/manifest.ts';

const SOP = '---\ntitle: Visit\nstatus: approved\nowner: Lead\n---\n\n1. Knock.\n';
const CHECKLIST = "docId: CL-1\nrevision: '1.0'\nstatus: approved\nitems: []\n";

describe('hashRevision', () => {
	it.each<[string, string, 'yaml' | 'mdx']>([
		['the status of an SOP', SOP.replace('status: approved', 'status: superseded'), 'mdx'],
		['the status of a checklist', CHECKLIST.replace('status: approved', 'status: retired'), 'yaml'],
		['Windows line endings', SOP.replace(/\n/g, '\r\n'), 'mdx'],
	])('ignores %s', (_name, changed, format) => {
		const original = format === 'mdx' ? SOP : CHECKLIST;

		expect(hashRevision(changed, format)).toBe(hashRevision(original, format));
	});

	it.each<[string, string, 'yaml' | 'mdx']>([
		['a body change', SOP.replace('Knock.', 'Knock twice.'), 'mdx'],
		['another field', SOP.replace('owner: Lead', 'owner: Someone else'), 'mdx'],
		['a body line that merely looks like a status line', `${SOP}status: approved\n`, 'mdx'],
		['a comment', `# reviewed\n${CHECKLIST}`, 'yaml'],
	])('notices %s', (_name, changed, format) => {
		const original = format === 'mdx' ? SOP : CHECKLIST;

		expect(hashRevision(changed, format)).not.toBe(hashRevision(original, format));
	});

	it('is a SHA-256 in hex', () => {
		expect(hashRevision(CHECKLIST, 'yaml')).toMatch(/^sha256:[0-9a-f]{64}$/);
	});
});
