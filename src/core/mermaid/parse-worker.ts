/**
 * Parses Mermaid diagrams in Node, for the content core's diagram rule: reads a JSON array of
 * diagram sources on stdin and prints a JSON array of error messages ('' for a diagram that
 * parses). Runs as its own process because Mermaid's parser is asynchronous, needs a DOM shim and
 * takes ~2 s to load; the rule calls it only for diagrams it has not seen parse before.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';

const { window } = parseHTML('<!doctype html><html><body></body></html>');
Object.assign(globalThis, { window, document: window.document });
const { default: mermaid } = await import('mermaid');

const sources = JSON.parse(readFileSync(0, 'utf8')) as string[];
const results: string[] = [];
for (const source of sources) {
	try {
		await mermaid.parse(source);
		results.push('');
	} catch (error) {
		results.push(error instanceof Error ? error.message : String(error));
	}
}
process.stdout.write(JSON.stringify(results));
