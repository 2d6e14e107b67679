// The browser-side Stripe.js stand-in calls the sandbox directly (publishable key), so every answer
// carries CORS headers and OPTIONS preflights are answered without authentication.

const ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'Stripe-Version', 'Idempotency-Key', 'Stripe-Account']
const EXPOSED_HEADERS = ['request-id', 'idempotent-replayed', 'original-request', 'stripe-version']

export function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin) return {}
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
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
