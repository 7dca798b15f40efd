import { describe, expect, it } from 'vitest';
import { documentRegions, formRegionFor, formRegions, regionView, type PageOrigin } from '../../../shared/intake/read-regions';

const pages: PageOrigin[] = [
  { file: 0, page: 1, width: 1000, height: 600 },
  { file: 1, page: 1, width: 2480, height: 3508 },
  { file: 1, page: 2, width: 2480, height: 3508 },
];
const ids = ['front-id', 'form-pdf-id'];
const box = { x: 100, y: 200, width: 300, height: 40 };

describe('read regions', () => {
  it('ties ID evidence to the attachment and page it was read on; no box, no region', () => {
    const regions = documentRegions({ surname: { imageIndex: 0, box }, fiscalCode: { imageIndex: 2, box }, sex: { imageIndex: 0, box: null }, birthDate: { imageIndex: 7, box } }, pages, ids);
    expect(regions.surname).toEqual({ attachmentId: 'front-id', page: 1, box, imageWidth: 1000, imageHeight: 600 });
    expect(regions.fiscalCode).toEqual({ attachmentId: 'form-pdf-id', page: 2, box, imageWidth: 2480, imageHeight: 3508 });
    expect(regions.sex).toBeUndefined();
    expect(regions.birthDate).toBeUndefined();
  });

  it('ties form fields (1-based pages) to their attachment page', () => {
    const regions = formRegions({ cognome: { page: 2, box }, nome: { page: 3, box: null } }, pages, ids);
    expect(regions.cognome).toEqual({ attachmentId: 'form-pdf-id', page: 1, box, imageWidth: 2480, imageHeight: 3508 });
    expect(regions.nome).toBeUndefined();
  });

  it('finds the form region of a compared value, never for a value the clerk typed', () => {
    const regions = formRegions({ cognome: { page: 2, box }, comune_nascita: { page: 2, box } }, pages, ids);
    expect(formRegionFor('surname', regions, () => false)?.attachmentId).toBe('form-pdf-id');
    expect(formRegionFor('surname', regions, (name) => name === 'cognome')).toBeNull();
    expect(formRegionFor('birthPlace', regions, () => false)).toBe(regions.comune_nascita);
    expect(formRegionFor('signature', regions, () => false)).toBeNull();
  });

  it('shows a box with a margin, inside the page', () => {
    expect(regionView({ box, imageWidth: 1000, imageHeight: 600 })).toEqual({ x: 80, y: 180, width: 340, height: 80 });
    expect(regionView({ box: { x: 0, y: 590, width: 1000, height: 10 }, imageWidth: 1000, imageHeight: 600 })).toEqual({ x: 0, y: 582, width: 1000, height: 18 });
  });
});
