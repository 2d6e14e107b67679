// CSV lines: RFC 4180 quoting, money per currency, spreadsheet formulas kept inert.
import { describe, expect, it } from 'vitest'
import { CSV_HEADER, csvField, csvLine, exportFields, inertText, type ExportRow } from '../../src/main/core/history/csv'

const row: ExportRow = {
  order_id: 12,
  created_at: Date.UTC(2026, 5, 30, 18, 12, 5),
  status: 'partially_refunded',
  customer_name: 'Zoë "Zed" O’Neil, Jr.',
  customer_email: 'zoe@example.com',
  item_count: 2,
  titles: 'Japanese Calligraphy (Shodō); Excel, Advanced',
  currency: 'JPY',
  amount: 13600,
  paid: 13600,
  refunded: 6800,
  methods: 3,
}

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain')
    expect(csvField('a,b')).toBe('"a,b"')
    expect(csvField('say "hi"')).toBe('"say ""hi"""')
    expect(csvField('two\nlines')).toBe('"two\nlines"')
    expect(csvField('cr\r')).toBe('"cr\r"')
    expect(csvLine(['a', 'b,c', ''])).toBe('a,"b,c",\r\n')
  })

  it('writes money as plain decimals in each currency’s own digits', () => {
    const fields = (currency: string, amount: number) => exportFields({ ...row, currency, amount, paid: amount, refunded: 0 }).slice(7, 10)
    expect(fields('JPY', 6800)).toEqual(['JPY', '6800', '6800'])
    expect(fields('KWD', 15000)).toEqual(['KWD', '15.000', '15.000'])
    expect(fields('GBP', 4905)).toEqual(['GBP', '49.05', '49.05'])
    expect(fields('EUR', 5)).toEqual(['EUR', '0.05', '0.05'])
  })

  it('writes one field per header column', () => {
    const fields = exportFields(row)
    expect(fields).toHaveLength(CSV_HEADER.length)
    expect(fields).toEqual([
      '12',
      '2026-06-30T18:12:05.000Z',
      'partially_refunded',
      'Zoë "Zed" O’Neil, Jr.',
      'zoe@example.com',
      '2',
      'Japanese Calligraphy (Shodō); Excel, Advanced',
      'JPY',
      '13600',
      '13600',
      '6800',
      'card+cash',
    ])
    expect(csvLine(fields)).toContain(',"Zoë ""Zed"" O’Neil, Jr.",')
  })

  it('keeps typed text from running as a spreadsheet formula', () => {
    expect(inertText('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")')
    expect(inertText('+44 20')).toBe("'+44 20")
    expect(inertText('@sum')).toBe("'@sum")
    expect(inertText('Ann-Marie')).toBe('Ann-Marie')
  })
})
