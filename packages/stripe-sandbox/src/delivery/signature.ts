import { createHmac } from 'node:crypto'

/**
 * The `Stripe-Signature` header for one delivery attempt: `t=<unix seconds>,v1=<hex HMAC-SHA256>` over
 * "<t>.<payload>" keyed with the whole `whsec_…` string, which is what stripe.webhooks.constructEvent checks.
 */
export function signatureHeader(payload: string, secret: string, timestamp: number): string {
  const signature = createHmac('sha256', secret).update(`${timestamp}.${payload}`, 'utf8').digest('hex')
  return `t=${timestamp},v1=${signature}`
}
