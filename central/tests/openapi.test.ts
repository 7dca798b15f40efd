import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { centralErrors } from '../../shared/central-api/errors';
import { centralRoutes } from '../../shared/central-api/routes';
import { OPENAPI_FILE, renderOpenApi } from '../openapi/write-openapi';

describe('OpenAPI document', () => {
  it('is up to date with the zod contract (run `npm run central:openapi` after changing it)', async () => {
    expect(await fs.readFile(OPENAPI_FILE, 'utf8')).toBe(renderOpenApi());
  });

  it('describes every route, the tus endpoint, and every error code', () => {
    const document = JSON.parse(renderOpenApi());
    expect(document.openapi).toBe('3.1.0');
    for (const [id, route] of Object.entries(centralRoutes)) {
      expect(document.paths[route.path]?.[route.method.toLowerCase()]?.operationId).toBe(id);
    }
    expect(Object.keys(document.paths['/api/v1/uploads/{uploadId}'])).toEqual(expect.arrayContaining(['head', 'patch', 'delete']));
    for (const code of Object.keys(centralErrors)) expect(document.info.description).toContain(code);
    const limit = document.paths['/api/v1/changes'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    expect(limit.required).toBe(false);
  });
});
