// The apps' Prometheus endpoints as the benchmarks read them: case-api's
// /metrics on its HTTP port, the worker's and the jobs app's on their own.

export async function scrape(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
}

/** The first sample of `name` (any labels) in a scrape. */
export function sample(text: string, name: string): number {
  const m = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text);
  return m ? Number(m[1]) : NaN;
}

/** Every sample of `name` whose labels include `label` (e.g. `outcome="failed"`), summed; 0 when none. */
export function sampleSum(text: string, name: string, label = ''): number {
  const re = new RegExp(`^${name}\\{([^}]*)\\} ([0-9.e+-]+)$`, 'gm');
  let sum = 0;
  for (const m of text.matchAll(re)) if (m[1].includes(label)) sum += Number(m[2]);
  return sum;
}

export async function metric(port: number, name: string): Promise<number> {
  return sample(await scrape(port), name);
}
