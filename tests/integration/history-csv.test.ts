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
  discount: 680,
  installation: '3f9a0c2e5b7d41a8',
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
    const fields = (currency: string, amount: number) => exportFields({ ...row, currency, amount, paid: amount, refunded: 0 }, 'UTC').slice(8, 11)
    expect(fields('JPY', 6800)).toEqual(['JPY', '6800', '6800'])
    expect(fields('KWD', 15000)).toEqual(['KWD', '15.000', '15.000'])
    expect(fields('GBP', 4905)).toEqual(['GBP', '49.05', '49.05'])
    expect(fields('EUR', 5)).toEqual(['EUR', '0.05', '0.05'])
  })

  it('writes one field per header column', () => {
    const fields = exportFields(row, 'Europe/London')
    expect(fields).toHaveLength(CSV_HEADER.length)
    expect(fields).toEqual([
      '12',
      '2026-06-30T19:12:05+01:00',
      'Europe/London',
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
      '680',
      '3f9a0c2e5b7d41a8',
    ])
    expect(csvLine(fields)).toContain(',"Zoë ""Zed"" O’Neil, Jr.",')
  })

  it("writes the time in the shop's zone with its offset, the same instant as UTC, across zones and seasons", () => {
    const created = (at: number, zone: string) => exportFields({ ...row, created_at: at }, zone)[1]!
    const summer = Date.UTC(2026, 5, 30, 23, 30, 0)
    const winter = Date.UTC(2026, 11, 1, 23, 30, 0)
    expect(created(summer, 'Europe/London')).toBe('2026-07-01T00:30:00+01:00')
    expect(created(winter, 'Europe/London')).toBe('2026-12-01T23:30:00+00:00')
    expect(created(summer, 'America/New_York')).toBe('2026-06-30T19:30:00-04:00')
    expect(created(winter, 'Asia/Kolkata')).toBe('2026-12-02T05:00:00+05:30')
    expect(created(winter, 'Asia/Tokyo')).toBe('2026-12-02T08:30:00+09:00')
    expect(created(summer, 'UTC')).toBe('2026-06-30T23:30:00+00:00')
    // Machine-readable: parsing it gives back the instant.
    for (const zone of ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']) {
      expect(Date.parse(created(summer, zone))).toBe(summer)
      expect(Date.parse(created(winter, zone))).toBe(winter)
    }
  })

  it('keeps typed text from running as a spreadsheet formula', () => {
    expect(inertText('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")')
    expect(inertText('+44 20')).toBe("'+44 20")
    expect(inertText('@sum')).toBe("'@sum")
    expect(inertText('Ann-Marie')).toBe('Ann-Marie')
  })
})
