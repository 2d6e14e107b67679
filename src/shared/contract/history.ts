// Order history: paging through every order with filters, totals and CSV export (owned by the history area).
import { z } from 'zod'
import { ORDER_STATUSES } from '../domain'
import { ALL_TILLS, INSTALLATION_ID, MAX_PAGE_SIZE, METHOD_FILTERS, ORDER_SORT_KEYS, SORT_DIRECTIONS, type OrderExport, type OrderPage, type OrderTotals } from '../history'
import { channel, id, managerChannel, searchText } from './channel'

// The latest instant a JavaScript Date can hold; anything past it is a typo, not a date.
const MAX_TIME_MS = 8_640_000_000_000_000
const instant = z.int('a time in unix milliseconds').min(0).max(MAX_TIME_MS)

export const orderFilters = z
  .strictObject({
    statuses: z.array(z.enum(ORDER_STATUSES)).min(1, 'choose at least one status, or leave statuses out').max(ORDER_STATUSES.length).optional(),
    from: instant.optional(),
    to: instant.optional(),
    courseId: id.optional(),
    accountId: id.optional(),
    method: z.enum(METHOD_FILTERS).optional(),
    text: searchText.optional(),
    till: z.union([z.literal(ALL_TILLS), z.string().regex(INSTALLATION_ID, 'a till id, or "all"')]).optional(),
  })
  .refine((filters) => filters.from === undefined || filters.to === undefined || filters.from <= filters.to, {
    message: 'the date range is reversed: "from" must not be after "to"',
    path: ['to'],
  })

export const orderSort = z.strictObject({ key: z.enum(ORDER_SORT_KEYS), direction: z.enum(SORT_DIRECTIONS) })

// Opaque to callers: base64url of the last row's sort values (see core/history/cursor.ts).
const cursor = z.string().min(1).max(600).regex(/^[A-Za-z0-9_-]+$/, 'a cursor from a previous page')

export const historyChannels = {
  'orders:list': channel<OrderPage>()(
    z.strictObject({
      filters: orderFilters.optional(),
      sort: orderSort.optional(),
      cursor: cursor.optional(),
      limit: z.int().min(1).max(MAX_PAGE_SIZE, `a page holds at most ${MAX_PAGE_SIZE} orders`).optional(),
    }),
  ),
  'orders:totals': channel<OrderTotals>()(z.strictObject({ filters: orderFilters.optional() })),
  'orders:export': managerChannel<OrderExport>()({
    filters: orderFilters.optional(),
    sort: orderSort.optional(),
    /** A byte-order mark first, for spreadsheet apps that otherwise guess the encoding wrong. */
    bom: z.boolean().optional(),
  }),
} as const
