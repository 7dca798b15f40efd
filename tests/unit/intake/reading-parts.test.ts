import { describe, expect, it } from 'vitest';
import { partsToRead } from '../../../shared/intake/reading-parts';

const key = (...entries: string[]) => entries.sort().join('|');

describe('parts of a reading to redo', () => {
  const before = key('documento-fronte:aa', 'documento-retro:bb', 'modulo:cc');
  it('reads everything the first time', () => {
    expect(partsToRead(null, before)).toEqual({ document: true, form: true });
  });
  it('re-reads only the ID when an ID scan was edited, only the form when a form page was', () => {
    expect(partsToRead(before, key('documento-fronte:aa', 'documento-retro:dd', 'modulo:cc'))).toEqual({ document: true, form: false });
    expect(partsToRead(before, key('documento-fronte:aa', 'documento-retro:bb', 'modulo:cc', 'modulo:ee'))).toEqual({ document: false, form: true });
  });
  it('ignores what is not a scan (the refusal notice)', () => {
    expect(partsToRead(before, key('documento-fronte:aa', 'documento-retro:bb', 'modulo:cc', 'avviso-rifiuto:ff'))).toEqual({ document: false, form: false });
  });
});
