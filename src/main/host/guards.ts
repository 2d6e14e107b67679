// Request checks for the browser host, kept pure so they are tested on their own.
// The host listens on loopback, but a web page in any browser tab can still reach loopback:
// checking Host stops DNS rebinding, checking Origin stops other sites' pages from calling the API.

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]']

export function allowedHosts(port: number): Set<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`))
}

export function isAllowedHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader !== undefined && allowedHosts(port).has(hostHeader.toLowerCase())
}

/** No Origin (same-origin navigation, curl) is fine; an Origin must be our own page's. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true
  return LOOPBACK_NAMES.some((name) => origin.toLowerCase() === `http://${name}:${port}`)
}

/** API calls must be JSON: a cross-site form post cannot send that content type without a preflight. */
export function isJsonContentType(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/json\s*(;|$)/i.test(contentType)
}

const STATUS_BY_CODE: Record<string, number> = {
  invalid_input: 400,
  forbidden: 403,
  manager_required: 403,
  signin_required: 403,
  not_found: 404,
  conflict: 409,
  payment_failed: 402,
  unavailable: 503,
  internal: 500,
}

export function httpStatusFor(code: string): number {
  return STATUS_BY_CODE[code] ?? 500
}
