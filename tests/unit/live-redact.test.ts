import { describe, expect, it } from 'vitest'
import { redact } from '../../src/main/core/logging/redact'
import { passesLuhn as luhnValid } from '../../src/shared/luhn'

describe('redact: Stripe secrets', () => {
  it.each([
    ['sk_live_51HxYabcDEF0123456789', 'sk_live_[redacted]'],
    ['sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'sk_test_[redacted]'],
    ['rk_live_51HxYrestricted99', 'rk_live_[redacted]'],
    ['sk_test_coursetill_sandbox', 'sk_test_[redacted]'],
    ['whsec_3bd2f0c1a9b8e7d6+/=', 'whsec_[redacted]'],
  ])('%s becomes %s', (secret, expected) => {
    expect(redact(`key ${secret} used`)).toBe(`key ${expected} used`)
  })

  it('keeps the intent id of a client secret and hides the secret part', () => {
    expect(redact('cs=pi_3OabcXYZ_secret_Kq9sT2vV')).toBe('cs=pi_3OabcXYZ_secret_[redacted]')
    expect(redact('"clientSecret":"seti_1Nx_secret_abc123"')).toContain('seti_1Nx_secret_[redacted]')
    expect(redact('pi_3Oabc_secret_abc')).not.toContain('_secret_abc')
  })

  it('leaves masked hints, publishable keys and object ids alone', () => {
    const line = 'mode test key sk_test_…4242 pk_test_51Habc evt_1Nabc pi_3Nabc cus_Q1 re_9 we_1'
    expect(redact(line)).toBe(line)
  })

  it('hides Authorization headers', () => {
    expect(redact('Authorization: Bearer abcdefghijklmnop')).toBe('Authorization: Bearer [redacted]')
    expect(redact('Basic c2tfdGVzdF94eXo6')).toBe('Basic [redacted]')
  })
})

describe('redact: tokens and named secrets', () => {
  it('hides an ngrok authtoken by its shape and by name', () => {
    const token = '2Rd7mdaX8s5XnE7Wz3dB0Hqg7wA_4Gq9Ugn6pYbX9oXqYvZmV'
    expect(redact(`connect with ${token}`)).toBe('connect with [redacted]')
    expect(redact('{"authtoken":"shortish-tok"}')).toBe('{"authtoken":"[redacted]"}')
    expect(redact('NGROK_AUTHTOKEN=abc_def-ghi')).toBe('NGROK_AUTHTOKEN=[redacted]')
  })

  it('hides known values of any shape, longest first', () => {
    expect(redact('token is hunter2hunter2!', ['hunter2hunter2!'])).toBe('token is [redacted]')
    // Values too short to be secrets are not scrubbed (they would blank out ordinary words).
    expect(redact('a b c', ['b'])).toBe('a b c')
  })

  it('hides named fields in JSON and query strings, but not their neighbours', () => {
    expect(redact('{"managerToken":"ab12cd","orderId":7}')).toBe('{"managerToken":"[redacted]","orderId":7}')
    expect(redact('client_secret=xyz&amount=100')).toBe('client_secret=[redacted]&amount=100')
    expect(redact('{"password": "p4ss word"}')).toBe('{"password": "[redacted] word"}')
    expect(redact('{"secretKeyHint":"sk_live_…4242","tokenSource":"saved"}')).toBe('{"secretKeyHint":"sk_live_…4242","tokenSource":"saved"}')
    expect(redact('{"secret":null}')).toBe('{"secret":null}')
  })
})

describe('redact: card data', () => {
  it.each([
    ['4242424242424242', '[card …4242]'],
    ['4242 4242 4242 4242', '[card …4242]'],
    ['4000-0025-0000-3155', '[card …3155]'],
    ['378282246310005', '[card …0005]'], // Amex, 15 digits
    ['6011111111111117', '[card …1117]'], // Discover
    ['2223003122003222', '[card …3222]'], // Mastercard 2-series
    ['4000000000000000006', '[card …0006]'], // 19 digits
  ])('masks %s', (pan, expected) => {
    expect(redact(`card ${pan} ok`)).toBe(`card ${expected} ok`)
  })

  it('leaves digit runs that are not card numbers', () => {
    expect(redact('4242424242424241')).toBe('4242424242424241') // fails Luhn
    expect(redact('at 1763726400000')).toBe('at 1763726400000') // a millisecond timestamp
    expect(redact('order 424242')).toBe('order 424242') // too short
    expect(redact('42424242424242424242')).toBe('42424242424242424242') // 20 digits: too long
    expect(redact('amount 4242424242424242.5')).toBe('amount 4242424242424242.5') // a decimal, not a PAN
  })

  it('hides CVC and PIN fields however they are written', () => {
    expect(redact('card[cvc]=123&card[exp_month]=12')).toBe('card[cvc]=[redacted]&card[exp_month]=12')
    expect(redact('{"cvc":"1234"}')).toBe('{"cvc":"[redacted]"}')
    expect(redact('cvv: 987')).toBe('cvv: [redacted]')
    expect(redact('{"pin":"2468"}')).toBe('{"pin":"[redacted]"}')
  })

  it('implements Luhn', () => {
    expect(luhnValid('79927398713')).toBe(true)
    expect(luhnValid('79927398710')).toBe(false)
  })
})
