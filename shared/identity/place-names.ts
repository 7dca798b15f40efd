/**
 * Comparing place names as the form, the ID and the Belfiore register write them.
 */
import { normaliseName } from './names';

/** Official names and the shorter forms in everyday (and form) use. */
const ALIASES: Record<string, string> = {
  REGGIONELLEMILIA: 'REGGIOEMILIA',
  REGGIODICALABRIA: 'REGGIOCALABRIA',
};

/** A trailing province in brackets, as printed on the CIE: ROMA (RM). */
const TRAILING_PROVINCE = /\(\s*[A-Za-z]{2}\s*\)\s*$/;

function placeKeys(value: string): string[] {
  const withoutProvince = value.replace(TRAILING_PROVINCE, '');
  // Bilingual names (BOLZANO/BOZEN) match either half.
  return [withoutProvince, ...withoutProvince.split('/')]
    .map((v) => normaliseName(v).replace(/ /g, ''))
    .filter(Boolean)
    .map((key) => ALIASES[key] ?? key);
}

/** Same place, after accents, apostrophes, spaces, a bracketed province and known aliases. */
export function placeNamesMatch(a: string, b: string): boolean {
  const bKeys = new Set(placeKeys(b));
  return placeKeys(a).some((key) => bKeys.has(key));
}

/**
 * Whether `text` names `place` as whole words, e.g. a foreign birth printed as
 * MONACO DI BAVIERA (GERMANIA) mentions GERMANIA.
 */
export function placeMentions(text: string, place: string): boolean {
  const words = normaliseName(place);
  if (!words) return false;
  return ` ${normaliseName(text)} `.includes(` ${words} `);
}
