import type { OrderStatus } from '@shared/domain'
import { toDecimalString } from '@shared/money'
import { zonedIso } from '@shared/zoned-days'
import { methodsOf } from './filters'

// Pure: one CSV line per order (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or line break
// quoted and their quotes doubled). Money is a plain decimal in the row's own currency: 6800 JPY → "6800",
// 15000 KWD → "15.000", 4900 GBP → "49.00"; a sheet can sum a column per currency without parsing symbols.

export const CSV_HEADER = [
  'order',
  // ISO-8601 in the shop's time zone with its offset (2026-07-01T19:12:05+01:00), and that zone's name.
  'created',
  'time_zone',
  'status',
  'customer',
  'email',
  'items',
  'courses',
  'currency',
  'amount',
  'paid',
  'refunded',
  'payment_methods',
  // What discounts took off the price (amount is after them), in the row's currency.
  'discount',
  // The installation id of the till that took the order (shop mode: several tills' orders in one file).
  'till',
] as const

/** A row as the export query returns it. */
export interface ExportRow {
  order_id: number
  created_at: number
  status: OrderStatus
  customer_name: string
  customer_email: string
  item_count: number
  titles: string | null
  currency: string
  amount: number
  paid: number
  refunded: number
  methods: number
  discount: number
  installation: string
}

export const BOM = '\uFEFF'

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/**
 * Text a person typed (names, emails, titles) that a spreadsheet would run as a formula gets a leading
 * apostrophe, as OWASP advises against CSV injection; spreadsheets show the text and hide the apostrophe.
 */
export function inertText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`
}

export function exportFields(row: ExportRow, timeZone: string): string[] {
  const money = (amount: number) => toDecimalString(amount, row.currency)
  return [
    String(row.order_id),
    zonedIso(row.created_at, timeZone),
    timeZone,
    row.status,
    inertText(row.customer_name),
    inertText(row.customer_email),
    String(row.item_count),
    inertText(row.titles ?? ''),
    row.currency,
    money(row.amount),
    money(row.paid),
    money(row.refunded),
    methodsOf(row.methods).join('+'),
    money(row.discount),
    row.installation,
  ]
}
