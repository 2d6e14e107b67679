/**
 * The renderer's Content-Security-Policy, served by both the Electron protocol handler and the browser host.
 * No inline or remote script except Stripe.js when real keys are configured; `connect` lists the only
 * other origins the page may call (the sandbox's API in sandbox mode).
 */
export function contentSecurityPolicy(options: { realStripe: boolean; connect?: readonly string[] }): string {
  const stripeScript = options.realStripe ? ' https://js.stripe.com' : ''
  const stripeFrames = options.realStripe ? 'https://js.stripe.com https://hooks.stripe.com' : "'none'"
  const stripeApi = options.realStripe ? ' https://api.stripe.com' : ''
  const connect = (options.connect ?? []).map((origin) => ` ${new URL(origin).origin}`).join('')
  return [
    "default-src 'none'",
    `script-src 'self'${stripeScript}`,
    // React and Stripe Elements set style attributes; no inline <script> is ever allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${stripeApi}${connect}`,
    `frame-src ${stripeFrames}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}
