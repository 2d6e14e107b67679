import type Stripe from 'stripe'
import { describe, expect, it } from 'vitest'
import { corsHeaders, preflightHeaders } from '../../src/http/cors'
import { escapeHtml } from '../../src/http/pages'
import { splitExpiry, successUrlFor } from '../../src/pages/checkout-page'

describe('CORS headers', () => {
  it('echo the origin only when there is one', () => {
    expect(corsHeaders(undefined)).toEqual({})
    expect(corsHeaders('http://localhost:5173')).toMatchObject({
      'Access-Control-Allow-Origin': 'http://localhost:5173',
      Vary: 'Origin',
    })
  })

  it('allow the headers Stripe.js sends on preflight', () => {
    const headers = preflightHeaders('http://app.local')
    expect(headers['Access-Control-Allow-Headers']).toBe(
      'Authorization, Content-Type, Stripe-Version, Idempotency-Key, Stripe-Account',
    )
    expect(headers['Access-Control-Allow-Methods']).toContain('POST')
  })
})

describe('checkout page helpers', () => {
  it('splits typed expiry dates', () => {
    expect(splitExpiry('12 / 34')).toEqual({ month: '12', year: '34' })
    expect(splitExpiry('1/2031')).toEqual({ month: '1', year: '2031' })
    expect(splitExpiry('1234')).toEqual({ month: '1234', year: '' })
  })

  it('fills the session id into the success URL', () => {
    const session = { id: 'cs_test_1', success_url: 'https://x/ok?s={CHECKOUT_SESSION_ID}' } as Stripe.Checkout.Session
    expect(successUrlFor(session)).toBe('https://x/ok?s=cs_test_1')
  })

  it('escapes HTML', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
  })
})
