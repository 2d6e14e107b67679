// The browser-side Stripe.js stand-in calls the sandbox directly (publishable key), so answers to an allowed
// origin (access.ts decides which) carry CORS headers and its OPTIONS preflights are answered without a key.
// No credentials: the stand-in authenticates with its key in a header, never with cookies.

const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Stripe-Version', 'Idempotency-Key', 'Stripe-Account']
const EXPOSED_HEADERS = ['request-id', 'idempotent-replayed', 'original-request', 'stripe-version']

export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin) return {}
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Expose-Headers': EXPOSED_HEADERS.join(', '),
    Vary: 'Origin',
  }
}

export function preflightHeaders(origin: string | undefined): Record<string, string> {
  return {
    ...corsHeaders(origin),
    'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
    'Access-Control-Allow-Headers': ALLOWED_HEADERS.join(', '),
    'Access-Control-Max-Age': '600',
  }
}
