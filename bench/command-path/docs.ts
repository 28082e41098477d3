import { readFileSync, writeFileSync } from 'node:fs';

/** Replaces what lies between two marker lines of a page, keeping the markers and the rest. */
export function writeBetweenMarkers(docs: string, start: string, end: string, text: string): void {
  const page = readFileSync(docs, 'utf8');
  const a = page.indexOf(start);
  const b = page.indexOf(end);
  if (a < 0 || b < a) throw new Error(`${docs} lacks the markers ${start} … ${end}`);
  writeFileSync(docs, `${page.slice(0, a + start.length)}\n${text}\n${page.slice(b)}`);
  console.log(`results written into ${docs}`);
}
