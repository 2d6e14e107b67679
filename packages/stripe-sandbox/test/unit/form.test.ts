import { describe, expect, it } from 'vitest'
import { FormSyntaxError, parseForm, parseRequestParams, splitKey } from '../../src/http/form'

describe('splitKey', () => {
  it('splits bracketed segments', () => {
    expect(splitKey('items[0][price]')).toEqual(['items', '0', 'price'])
    expect(splitKey('expand[]')).toEqual(['expand', ''])
    expect(splitKey('amount')).toEqual(['amount'])
  })

  it('rejects malformed keys and prototype keys', () => {
    expect(() => splitKey('a[b')).toThrow(FormSyntaxError)
    expect(() => splitKey('a]b[')).toThrow(FormSyntaxError)
    expect(() => splitKey('metadata[__proto__]')).toThrow(FormSyntaxError)
  })
})

describe('parseForm', () => {
  it('reads nested hashes and indexed arrays as the SDK writes them', () => {
    const parsed = parseForm(
      'amount=1000&metadata[order_id]=7&expand[0]=latest_charge&expand[1]=customer&items[0][price]=price_1&items[0][quantity]=2',
    )
    expect(parsed).toEqual({
      amount: '1000',
      metadata: { order_id: '7' },
      expand: ['latest_charge', 'customer'],
      items: [{ price: 'price_1', quantity: '2' }],
    })
  })

  it('decodes percent-encoding, plus signs and encoded brackets', () => {
    expect(parseForm('description=Caf%C3%A9+au+lait&metadata%5Bk%5D=v%26w')).toEqual({
      description: 'Café au lait',
      metadata: { k: 'v&w' },
    })
  })

  it('treats key= and a bare key as null (unset)', () => {
    expect(parseForm('description=&metadata[gone]=&flag')).toEqual({ description: null, metadata: { gone: null }, flag: null })
  })

  it('keeps more than 20 indices as an ordered array (qs would make an object)', () => {
    const encoded = Array.from({ length: 25 }, (_, i) => `expand[${i}]=f${i}`).join('&')
    const parsed = parseForm(encoded)
    expect(Array.isArray(parsed.expand)).toBe(true)
    expect(parsed.expand).toHaveLength(25)
    expect((parsed.expand as string[])[24]).toBe('f24')
  })

  it('compacts sparse indices in numeric order and appends for []', () => {
    expect(parseForm('a[10]=x&a[2]=y')).toEqual({ a: ['y', 'x'] })
    expect(parseForm('expand[]=a&expand[]=b')).toEqual({ expand: ['a', 'b'] })
  })

  it('keeps hashes whose keys are not all indices', () => {
    expect(parseForm('metadata[1]=a&metadata[x]=b')).toEqual({ metadata: { '1': 'a', x: 'b' } })
  })

  it('rejects a key used both as a value and as a hash', () => {
    expect(() => parseForm('metadata=x&metadata[k]=v')).toThrow(FormSyntaxError)
    expect(() => parseForm('metadata[k]=v&metadata=x')).toThrow(FormSyntaxError)
  })

  it('rejects broken percent-encoding, naming the parameter', () => {
    try {
      parseForm('description=%E0%A4%A')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(FormSyntaxError)
      expect((error as FormSyntaxError).param).toBe('description')
    }
  })

  it('ignores empty pairs', () => {
    expect(parseForm('&&a=1&')).toEqual({ a: '1' })
    expect(parseForm('')).toEqual({})
  })
})

describe('parseRequestParams', () => {
  it('merges query and body, the body winning', () => {
    expect(parseRequestParams('a=1&b=2', 'b=3')).toEqual({ a: '1', b: '3' })
  })
})
