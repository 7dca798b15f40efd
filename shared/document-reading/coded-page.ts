/**
 * The signature box of a prefilled form's page found through the page's own code: the code is
 * printed at a known place (formCodePlacement), so where the reader finds it gives the scale and
 * offset of the page in the image. A scan at another resolution, with a margin, or a photo framed
 * differently still lands on the box (rotation is not corrected: the page must be upright).
 */
import { formCodePlacement } from '../notices/form-code';
import type { FormTemplate } from './form-template';
import type { Box, GrayRaster } from './raster';
import { checkSignature, type SignatureCheck } from './signature';

/** Signature box in image pixels, from the code's bounding box on the same image. */
export function signatureBoxFromCode(codeBox: Box, template: FormTemplate): Box {
  const placement = formCodePlacement(template.pageSize);
  const scale = codeBox.width / placement.size;
  // Template zones are measured from the page's top-left corner; the placement from its bottom-left.
  const codeTop = template.pageSize.height - placement.y - placement.size;
  const originX = codeBox.x - placement.x * scale;
  const originY = codeBox.y - codeTop * scale;
  const zone = template.signature;
  return { x: originX + zone.x * scale, y: originY + zone.y * scale, width: zone.width * scale, height: zone.height * scale };
}

export function checkSignatureByCode(page: GrayRaster, codeBox: Box, template: FormTemplate): SignatureCheck & { box: Box } {
  const box = signatureBoxFromCode(codeBox, template);
  return { ...checkSignature(page, box), box };
}
