import type { PaymentIntent } from '@stripe/stripe-js'
import { describe, expect, it } from 'vitest'
import {
  errorFromApiResponse,
  errorFromFailedIntent,
  intentIdFromClientSecret,
  isPaymentIntent,
} from '../../src/stripe-js/stripe-errors'

function intent(overrides: Partial<PaymentIntent>): PaymentIntent {
  return { id: 'pi_1', object: 'payment_intent', status: 'requires_payment_method', last_payment_error: null, ...overrides } as PaymentIntent
}

describe('intentIdFromClientSecret', () => {
  it('takes the part before _secret_', () => {
    expect(intentIdFromClientSecret('pi_3Abc_secret_xyz')).toBe('pi_3Abc')
  })

  it('refuses strings that are not client secrets', () => {
    expect(intentIdFromClientSecret('pi_3Abc')).toBeNull()
    expect(intentIdFromClientSecret('_secret_xyz')).toBeNull()
    expect(intentIdFromClientSecret('pi_3Abc_secret_')).toBeNull()
  })
})

describe('errorFromApiResponse', () => {
  it('keeps the card error fields of a 402 decline', () => {
    const paymentIntent = intent({})
    const error = errorFromApiResponse(402, {
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Your card has insufficient funds.',
        payment_intent: paymentIntent,
        request_id: 'not copied',
      },
    })
    expect(error).toEqual({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
      payment_intent: paymentIntent,
    })
  })

  it('reports an api_error when the body carries no error object', () => {
    expect(errorFromApiResponse(500, 'Internal Server Error')).toMatchObject({ type: 'api_error' })
    expect(errorFromApiResponse(200, { id: 'x' }).message).toContain('HTTP 200')
  })
})

describe('errorFromFailedIntent', () => {
  it('reports a failed 3-D Secure challenge as an authentication failure', () => {
    const failed = intent({
      last_payment_error: { type: 'card_error', code: 'payment_intent_authentication_failure', message: 'Authentication failed.' },
    })
    expect(errorFromFailedIntent(failed)).toEqual({
      type: 'card_error',
      code: 'payment_intent_authentication_failure',
      message: 'Authentication failed.',
      payment_intent: failed,
    })
  })

  it('falls back to Stripe wording when the intent has no last_payment_error', () => {
    expect(errorFromFailedIntent(intent({})).message).toMatch(/unable to authenticate/)
  })

  it('carries a decline code through', () => {
    const declined = intent({ last_payment_error: { type: 'card_error', code: 'card_declined', decline_code: 'generic_decline' } })
    expect(errorFromFailedIntent(declined)).toMatchObject({ code: 'card_declined', decline_code: 'generic_decline' })
  })
})

describe('isPaymentIntent', () => {
  it('recognises a PaymentIntent body', () => {
    expect(isPaymentIntent({ object: 'payment_intent', id: 'pi_1', status: 'succeeded' })).toBe(true)
    expect(isPaymentIntent({ error: {} })).toBe(false)
    expect(isPaymentIntent(null)).toBe(false)
  })
})
