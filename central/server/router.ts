import { centralRoutes, type RouteId } from '../../shared/central-api/routes';

interface CompiledRoute {
  id: RouteId;
  method: string;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledRoute[] = (Object.keys(centralRoutes) as RouteId[]).map((id) => {
  const { method, path } = centralRoutes[id];
  const names: string[] = [];
  const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_whole, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { id, method, pattern: new RegExp(`^${source}$`), names };
});

export type RouteMatch = { kind: 'route'; id: RouteId; params: Record<string, string> } | { kind: 'method-not-allowed' } | { kind: 'not-found' };

/** Finds the contract route of a request path; path parameters come back URL-decoded but unvalidated. */
export function matchRoute(method: string, pathname: string): RouteMatch {
  let pathMatched = false;
  for (const route of compiled) {
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    pathMatched = true;
    if (route.method !== method) continue;
    const params: Record<string, string> = {};
    try {
      route.names.forEach((name, index) => (params[name] = decodeURIComponent(match[index + 1])));
    } catch {
      return { kind: 'not-found' };
    }
    return { kind: 'route', id: route.id, params };
  }
  return pathMatched ? { kind: 'method-not-allowed' } : { kind: 'not-found' };
}
