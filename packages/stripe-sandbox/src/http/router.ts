// Method + path matching for the route table. Patterns use `:name` segments ("/v1/refunds/:id").

export interface RouteMatch<R> {
  route: R
  pathParams: Record<string, string>
}

export interface RoutePattern {
  method: string
  path: string
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split('/')
  const got = path.split('/')
  if (want.length !== got.length) return undefined
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    const expected = want[i] as string
    const actual = got[i] as string
    if (expected.startsWith(':')) {
      if (actual === '') return undefined
      try {
        params[expected.slice(1)] = decodeURIComponent(actual)
      } catch {
        return undefined
      }
    } else if (expected !== actual) {
      return undefined
    }
  }
  return params
}

/** First route whose method and path both match; paths are compared without a trailing slash. */
export function matchRoute<R extends RoutePattern>(
  routes: readonly R[],
  method: string,
  path: string,
): RouteMatch<R> | undefined {
  const normalized = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path
  for (const route of routes) {
    if (route.method !== method) continue
    const pathParams = matchPath(route.path, normalized)
    if (pathParams) return { route, pathParams }
  }
  return undefined
}
