import { describe, expect, it } from 'vitest'
import { ApiError } from '../../src/http/errors'
import { applyExpansions } from '../../src/http/expand'

const objects: Record<string, object> = {
  ch_1: { id: 'ch_1', object: 'charge', customer: 'cus_1' },
  cus_1: { id: 'cus_1', object: 'customer' },
  in_1: { id: 'in_1', object: 'invoice', payment_intent: 'pi_1' },
  pi_1: { id: 'pi_1', object: 'payment_intent', latest_charge: 'ch_1' },
}
const load = (id: string) => objects[id]

describe('applyExpansions', () => {
  it('replaces ids with objects along dotted paths', () => {
    const sub = { id: 'sub_1', latest_invoice: 'in_1', customer: 'cus_1' }
    const expanded = applyExpansions(sub, ['latest_invoice.payment_intent', 'customer'], load)
    expect(expanded).toEqual({
      id: 'sub_1',
      latest_invoice: { id: 'in_1', object: 'invoice', payment_intent: objects.pi_1 },
      customer: objects.cus_1,
    })
    expect(sub.latest_invoice).toBe('in_1')
  })

  it('expands every item of a list through data.', () => {
    const list = {
      object: 'list',
      data: [
        { id: 'pi_1', latest_charge: 'ch_1' },
        { id: 'pi_2', latest_charge: null },
      ],
    }
    const expanded = applyExpansions(list, ['data.latest_charge'], load)
    expect(expanded.data[0]?.latest_charge).toEqual(objects.ch_1)
    expect(expanded.data[1]?.latest_charge).toBeNull()
  })

  it('refuses fields that are not expandable or too deep', () => {
    expect(() => applyExpansions({ id: 'x', amount: 5 }, ['amount'], load)).toThrow(ApiError)
    expect(() => applyExpansions({ id: 'x', currency: 'usd' }, ['currency'], load)).toThrow(/cannot be expanded/)
    expect(() => applyExpansions({ id: 'x' }, ['a.b.c.d.e'], load)).toThrow(/more than 4 levels/)
  })
})
