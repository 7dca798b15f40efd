/**
 * `npm run bench`: runs every `bench:*` script of package.json one after the other (each prints its
 * own medians and ratios against a baseline measured in the same run) and writes what they printed,
 * with the machine and the date, to docs/benchmarks.md. `npm run bench -- ocr-timing intake` runs only
 * those and replaces their sections, keeping the others with the date they were measured.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const only = process.argv.slice(2);
const names = Object.keys(pkg.scripts)
  .filter((name) => name.startsWith('bench:'))
  .filter((name) => only.length === 0 || only.includes(name.slice('bench:'.length)));

const REPORT = 'docs/benchmarks.md';

/** The sections of the existing report by benchmark name, to keep the ones not re-run. */
function previousSections(): Map<string, string> {
  const kept = new Map<string, string>();
  if (only.length === 0 || !fs.existsSync(REPORT)) return kept;
  for (const part of fs.readFileSync(REPORT, 'utf8').split(/^(?=## )/m).slice(1)) {
    const name = /^## (\S+)/.exec(part)?.[1];
    if (name) kept.set(name, part.trimEnd() + '\n');
  }
  return kept;
}

const sections = previousSections();
const today = new Date().toISOString().slice(0, 10);
for (const name of names) {
  const started = Date.now();
  process.stdout.write(`\n=== ${name} ===\n`);
  const run = spawnSync('npm', ['run', '--silent', name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = `${run.stdout ?? ''}`.trim();
  process.stdout.write(`${output}\n`);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const status = run.status === 0 ? `finished in ${seconds} s` : `FAILED (exit ${run.status}) after ${seconds} s: ${(run.stderr ?? '').trim().split('\n').slice(-5).join(' / ')}`;
  sections.set(name.slice('bench:'.length), `## ${name.slice('bench:'.length)}\n\n\`npm run ${name}\` on ${today} — ${status}\n\n\`\`\`\n${output}\n\`\`\`\n`);
}

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const header = `# Benchmarks

Written by \`npm run bench\` on ${today}${only.length > 0 ? ` (re-run: ${only.join(', ')}; the other sections keep the date they were measured)` : ''}.

Machine: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}.

Method: each benchmark repeats its measurement and prints medians, with a baseline measured in the same
run (native \`tesseract\` on the same images, a raw HTTP upload of the same bytes, the same store query
without the UI, the same operations without encryption) and the ratio to it. These machines are
shared: compare ratios, not absolute times, across runs.
`;
const order = Object.keys(pkg.scripts).filter((name) => name.startsWith('bench:')).map((name) => name.slice('bench:'.length));
const ordered = order.filter((name) => sections.has(name)).map((name) => sections.get(name));
fs.writeFileSync(REPORT, `${header}\n${ordered.join('\n')}`);
console.log(`\nwrote docs/benchmarks.md (${names.length} benchmarks)`);
