/**
 * How the scanned forms of the corpus are read without OCR: each filled field zone classified
 * typed or handwritten (against `capture` in forms.json), and the profile's tick boxes (against
 * `profile`/`ticked`). Prints every zone's evidence with --verbose, and the calibration ranges the
 * thresholds of shared/document-reading/handwriting.ts and tick-boxes.ts were chosen from.
 *   npx tsx scripts/bench/form-writing.ts [--verbose]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadFormTemplate } from '../../cli/form-files';
import { decodeImage } from '../../cli/node-decode';
import { filledZones, readProfile } from '../../shared/document-reading/form-reading';
import { FORMS_DIR, scannedCorpusForms } from '../../tests/corpus/scanned-forms';

const dir = FORMS_DIR;
const { values: args } = parseArgs({ options: { verbose: { type: 'boolean' } } });
const forms = scannedCorpusForms();
const template = await loadFormTemplate();

const tally = { zones: 0, right: 0, byOwnLetters: 0, unfilledButInk: 0, missed: 0 };
const onLines: Record<'typed' | 'handwritten', { short: number[]; long: number[] }> = { typed: { short: [], long: [] }, handwritten: { short: [], long: [] } };
const tickInk: { ticked: number[]; empty: number[] } = { ticked: [], empty: [] };
let profilesRight = 0;

for (const form of forms) {
  const pages = await Promise.all(form.files.map((f) => decodeImage(readFileSync(path.join(dir, f)), f)));
  const truth = form.capture === 'handwritten-scan' ? 'handwritten' : 'typed';
  const zones = filledZones(pages, template);
  const filled = Object.entries(form.values).filter(([, v]) => v !== '').map(([name]) => name);
  tally.missed += filled.filter((name) => !zones.some((z) => z.name === name)).length;
  for (const zone of zones) {
    if (!filled.includes(zone.name)) {
      tally.unfilledButInk += 1;
      continue;
    }
    tally.zones += 1;
    if (zone.writing === truth) tally.right += 1;
    if (zone.evidence.writing !== null) {
      tally.byOwnLetters += 1;
      onLines[truth][zone.evidence.letters < 8 ? 'short' : 'long'].push(zone.evidence.onLines);
    }
    if (args.verbose) console.log(`${zone.writing === truth ? 'ok ' : 'BAD'} ${form.id.padEnd(28)} ${zone.name.padEnd(24)} letters=${String(zone.evidence.letters).padStart(2)} onLines=${zone.evidence.onLines.toFixed(2)} → ${zone.writing}`);
  }
  const profile = readProfile(pages, template);
  for (const [option, ratio] of Object.entries(profile.ticks?.inkRatios ?? {})) tickInk[form.ticked?.includes(option) ? 'ticked' : 'empty'].push(ratio);
  const expectedWarning = form.profile ? null : form.ticked?.length === 0 ? 'profileNotTicked' : 'profileTickedSeveral';
  if ((profile.field?.value ?? null) === form.profile && (profile.warning?.code ?? null) === expectedWarning) profilesRight += 1;
}

const range = (xs: number[]) => (xs.length === 0 ? '—' : `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)} (${xs.length})`);
console.log(`filled zones: ${tally.zones}, classified right: ${tally.right} (${tally.byOwnLetters} by their own letters, the rest by their form); filled zones not found: ${tally.missed}; ink in zones left empty: ${tally.unfilledButInk}`);
console.log(`share of letters on both lines — typed: ≥8 letters ${range(onLines.typed.long)}, 3–7 letters ${range(onLines.typed.short)}; handwritten: ≥8 letters ${range(onLines.handwritten.long)}, 3–7 letters ${range(onLines.handwritten.short)}`);
console.log(`profile boxes: ink share ticked ${range(tickInk.ticked)}, empty ${range(tickInk.empty)}; forms whose profile/warning is right: ${profilesRight}/${forms.length}`);
