import { describe, expect, it } from 'vitest'
import { encodeForm } from '../../src/stripe-js/form-encoding'

describe('encodeForm', () => {
  it('writes nested objects with bracketed keys, as the confirm call needs', () => {
    const body = encodeForm({
      client_secret: 'pi_1_secret_2',
      payment_method_data: { type: 'card', card: { number: '4242424242424242', exp_month: 12 } },
    })
    expect(new URLSearchParams(body).get('payment_method_data[card][number]')).toBe('4242424242424242')
    expect(body).toBe(
      'client_secret=pi_1_secret_2&payment_method_data%5Btype%5D=card' +
        '&payment_method_data%5Bcard%5D%5Bnumber%5D=4242424242424242&payment_method_data%5Bcard%5D%5Bexp_month%5D=12',
    )
  })

  it('indexes arrays, skips undefined and sends null as an empty value', () => {
    const params = new URLSearchParams(encodeForm({ expand: ['latest_charge'], return_url: undefined, description: null }))
    expect([...params.entries()]).toEqual([
      ['expand[0]', 'latest_charge'],
      ['description', ''],
    ])
  })

  it('escapes values', () => {
    expect(encodeForm({ return_url: 'app://till/done?a=1&b=2' })).toBe('return_url=app%3A%2F%2Ftill%2Fdone%3Fa%3D1%26b%3D2')
  })
})
