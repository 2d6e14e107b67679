// The page `next_action.use_stripe_sdk.stripe_js` points at: the issuer's 3-D Secure challenge, played
// by a person clicking "Complete" or "Fail" (the API twin is POST …/sandbox_authenticate).

import { escapeHtml, page, type PageReply, type PageRequest, type PageRoute } from '../http/pages'
import { completeAuthentication } from '../payments/confirm'

function intentId(request: PageRequest): string {
  return request.pathParams.id ?? ''
}

/** Only same-site paths may be returned to, so the page cannot be used as an open redirect. */
function safeReturnPath(value: unknown): string | undefined {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : undefined
}

function challenge(request: PageRequest): PageReply {
  const pi = request.core.store.get('payment_intent', intentId(request))
  if (!pi) return page('Not found', '<p class="error">No such payment.</p>', 404)
  if (pi.status !== 'requires_action') {
    return page('3-D Secure', `<p>This payment no longer needs authentication (status: ${escapeHtml(pi.status)}).</p>`)
  }
  const back = safeReturnPath(request.params.return_to)
  const hidden = back ? `<input type="hidden" name="return_to" value="${escapeHtml(back)}">` : ''
  const button = (outcome: string, label: string) =>
    `<form method="post" style="display:inline">${hidden}<input type="hidden" name="outcome" value="${outcome}"><button type="submit">${label}</button></form>`
  return page(
    '3-D Secure test payment',
    `<h1>3-D Secure 2 test page</h1>
<p>Authenticate the payment of ${pi.amount} ${escapeHtml(pi.currency)} (the smallest currency unit).</p>
${button('complete', 'Complete authentication')} ${button('fail', 'Fail authentication')}`,
  )
}

function answer(request: PageRequest): PageReply {
  const pi = request.core.store.get('payment_intent', intentId(request))
  if (!pi) return page('Not found', '<p class="error">No such payment.</p>', 404)
  const outcome = request.params.outcome === 'complete' ? 'complete' : 'fail'
  const settled = completeAuthentication(request, pi, outcome)
  const back = safeReturnPath(request.params.return_to)
  if (back) return { redirect: back }
  // A redirect_to_url challenge goes back to the integration's return_url, as Stripe's does.
  const returnUrl = request.core.store.getPrivate<string>(pi.id, 'return_url')
  if (returnUrl && URL.canParse(returnUrl)) {
    const url = new URL(returnUrl)
    url.searchParams.set('payment_intent', pi.id)
    url.searchParams.set('payment_intent_client_secret', pi.client_secret ?? '')
    url.searchParams.set('redirect_status', (settled.body as { status?: string }).status === 'succeeded' ? 'succeeded' : 'failed')
    return { redirect: url.toString() }
  }
  return page(
    '3-D Secure',
    `<p>Authentication ${outcome === 'complete' ? 'completed' : 'failed'}. You can close this window.</p>`,
  )
}

export const threeDSecurePages: PageRoute[] = [
  { method: 'GET', path: '/v1/sandbox/3ds/:id', handler: challenge },
  { method: 'POST', path: '/v1/sandbox/3ds/:id', handler: answer },
]
