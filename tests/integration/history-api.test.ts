// The history channels through dispatch, as a window calls them: validation, the manager check, the CSV export
// written to <dataDir>/exports and served by the browser host as a download.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { OrderExport } from '../../src/shared/history'
import { contentSecurityPolicy } from '../../src/main/electron/csp'
import { startHostServer, type HostServer } from '../../src/main/host/server'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'
import { snapshot } from '../helpers/temp-store'

let t: TestTill
let dir: string
let host: HostServer
let managerToken: string
const odd = 'Smith, "Jo"\nJunior'

beforeAll(async () => {
  // Folders of our own: tempDir() would remove them after the first test, and these serve the whole file.
  dir = mkdtempSync(join(tmpdir(), 'coursetill-history-api-'))
  t = await startTestTill({ dataDir: join(dir, 'data') })
  const rendererDir = join(dir, 'renderer')
  mkdirSync(rendererDir)
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>CourseTill</title>')
  host = await startHostServer({ dispatch: t.till.dispatch, bus: t.till.ctx.bus, rendererDir, csp: contentSecurityPolicy({ realStripe: false }), port: 0 })
  managerToken = await t.managerToken()
  // Demo catalog: 1 Bookkeeping £49.00, 2 Excel £39.00, 9 Shodō ¥6,800, 11 Arabic Calligraphy KWD 15.000, 6 Photography €59.00.
  const oddCustomer = await t.call('customers:create', { name: odd, email: 'odd@example.com' })
  const cash = t.order([1, 2], oddCustomer.id)
  await t.call('orders:recordCash', { orderId: cash.id, tendered: 10_000 })
  const kwd = t.order([11], 4)
  await t.call('orders:recordCash', { orderId: kwd.id, tendered: 15_000 })
  const jpy = t.order([9], 3)
  const checkout = await t.call('payments:startCard', { orderId: jpy.id })
  await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
  await t.deliveriesSettled()
  const paid = await t.call('payments:sync', { orderId: jpy.id })
  await t.call('payments:refund', { managerToken, paymentId: paid.payments[0]!.id, amount: 1_000, reason: 'requested_by_customer' })
  t.order([6], 2)
  await t.call('orders:cancel', { orderId: t.order([1], 5).id })
})

afterAll(async () => {
  await host?.close()
  await t?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"'
      i++
    } else if (quoted && c === '"') {
      quoted = false
    } else if (quoted || (c !== '"' && c !== ',' && c !== '\r')) {
      field += c
    } else if (c === '"') {
      quoted = true
    } else if (c === ',') {
      endField()
    } else if (text[i + 1] === '\n') {
      endField()
      rows.push(row)
      row = []
      i++
    } else {
      field += c
    }
  }
  return rows
}

const db = () => t.till.ctx.db

describe('orders:list and orders:totals through dispatch', () => {
  it('pages every order and totals them per currency', async () => {
    const page = await t.call('orders:list', { limit: 2 })
    expect(page.rows).toHaveLength(2)
    const rest = await t.call('orders:list', { limit: 200, cursor: page.nextCursor! })
    expect(rest.nextCursor).toBeNull()
    expect([...page.rows, ...rest.rows].map((r) => r.id)).toEqual(db().prepare('SELECT id FROM purchase_order ORDER BY created_at DESC, id DESC').pluck().all())
    const totals = await t.call('orders:totals', {})
    expect(totals.currencies.map((c) => c.currency)).toEqual(['EUR', 'GBP', 'JPY', 'KWD'])
    expect(totals.currencies.find((c) => c.currency === 'JPY')).toEqual({ currency: 'JPY', orders: 1, amount: 6800, paid: 6800, refunded: 1000 })
    const cashOnly = await t.call('orders:list', { filters: { method: 'cash', text: 'smith, "jo"' } })
    expect(cashOnly.rows.map((r) => r.customerName)).toEqual([odd])
  })

  const bad: Array<[string, string, Record<string, unknown>, RegExp]> = [
    ['an unknown status', 'orders:list', { filters: { statuses: ['shipped'] } }, /filters.statuses.0/],
    ['a reversed date range', 'orders:totals', { filters: { from: 2_000, to: 1_000 } }, /date range is reversed/],
    ['a huge page', 'orders:list', { limit: 5_000 }, /at most 200 orders/],
    ['an empty page', 'orders:list', { limit: 0 }, /limit/],
    ['a sort column not offered', 'orders:list', { sort: { key: 'amount; DROP TABLE account', direction: 'asc' } }, /sort.key/],
    ['a fractional customer id', 'orders:list', { filters: { accountId: 1.5 } }, /accountId/],
    ['an unknown method', 'orders:totals', { filters: { method: 'cheque' } }, /method/],
    ['an unknown field', 'orders:list', { filters: { colour: 'red' } }, /colour/],
    ['a date beyond any calendar', 'orders:list', { filters: { to: 9e15 } }, /filters.to/],
    ['an overlong search', 'orders:list', { filters: { text: 'x'.repeat(201) } }, /text/],
    ['a forged cursor', 'orders:list', { cursor: 'eyJrIjoiY3JlYXRlZCJ9' }, /another sort order|not one this till gave out/],
    ['a cursor with other characters', 'orders:list', { cursor: '../etc/passwd' }, /cursor/],
    ['an export with a reversed range', 'orders:export', { filters: { from: 5, to: 1 } }, /date range is reversed/],
  ]
  for (const [what, channel, input, message] of bad) {
    it(`refuses ${what} with a clear error and writes nothing`, async () => {
      const before = snapshot(db())
      const payload = channel === 'orders:export' ? { ...input, managerToken } : input
      const result = await t.till.dispatch(channel, payload)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(message) } })
      expect(snapshot(db())).toBe(before)
    })
  }

  it('refuses a cursor made for another sort', async () => {
    const page = await t.call('orders:list', { limit: 1 })
    await expect(t.call('orders:list', { cursor: page.nextCursor!, sort: { key: 'amount', direction: 'desc' } })).rejects.toThrow(/another sort order/)
  })
})

describe('orders:export', () => {
  it('refuses without a manager session, before writing anything', async () => {
    const before = snapshot(db())
    for (const token of [undefined, 'f'.repeat(64)]) {
      const result = await t.till.dispatch('orders:export', token ? { managerToken: token } : {})
      expect(result).toMatchObject({ ok: false, error: { code: 'manager_required', message: expect.stringMatching(/manager PIN/) } })
    }
    expect(snapshot(db())).toBe(before)
    expect(existsSync(join(t.dataDir, 'exports'))).toBe(false)
  })

  it('writes every filtered order with exact money per currency, quoted, and reports progress', async () => {
    // A shop far from UTC: every time in the file is its wall clock, with the offset.
    await t.call('settings:setShopLocale', { managerToken, timeZone: 'Asia/Kolkata', locale: 'en-IN' })
    const result: OrderExport = await t.call('orders:export', { managerToken, bom: true, sort: { key: 'created', direction: 'asc' } })
    expect(result.path).toBe(join(t.dataDir, 'exports', result.fileName))
    expect(result.fileName).toMatch(/^orders-\d{4}-\d\d-\d\dT\d{6}Z\.csv$/)
    expect(readdirSync(join(t.dataDir, 'exports'))).toEqual([result.fileName])
    const text = readFileSync(result.path, 'utf8')
    expect(text.startsWith('\uFEFForder,created,time_zone,status,customer,')).toBe(true)
    const [header, ...rows] = parseCsv(text.slice(1))
    expect(rows).toHaveLength(result.rows)
    const store = db().prepare('SELECT * FROM purchase_order ORDER BY created_at, id').all() as Array<{ id: number; amount: number; currency: string; created_at: number }>
    expect(rows.map((r) => Number(r[0]))).toEqual(store.map((o) => o.id))
    for (const [i, r] of rows.entries()) {
      expect(r[1]).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/)
      expect(Date.parse(r[1]!)).toBe(Math.floor(store[i]!.created_at / 1000) * 1000)
      expect(r[2]).toBe('Asia/Kolkata')
    }
    const column = (name: string) => header!.indexOf(name)
    const byId = new Map(rows.map((r) => [Number(r[0]), r]))
    expect(byId.get(store.find((o) => o.currency === 'JPY')!.id)!.slice(column('currency'), column('refunded') + 1)).toEqual(['JPY', '6800', '6800', '1000'])
    expect(byId.get(store.find((o) => o.currency === 'KWD')!.id)!.slice(column('currency'), column('payment_methods') + 1)).toEqual(['KWD', '15.000', '15.000', '0.000', 'cash'])
    expect(rows.find((r) => r[column('customer')] === odd)).toBeDefined()
    // The sums a spreadsheet would make per currency equal the store's.
    const sums = new Map<string, number>()
    for (const r of rows) sums.set(r[column('currency')]!, (sums.get(r[column('currency')]!) ?? 0) + Number(r[column('amount')]!.replace('.', '')))
    const want = db().prepare('SELECT currency, sum(amount) AS total FROM purchase_order GROUP BY currency').all() as Array<{ currency: string; total: number }>
    expect(Object.fromEntries(sums)).toEqual(Object.fromEntries(want.map((w) => [w.currency, w.total])))
    expect(t.events).toContainEqual({ type: 'orders.export', exportId: result.exportId, state: 'done', rows: result.rows, total: result.rows, path: result.path })
    expect(db().prepare("SELECT count(*) FROM audit_log WHERE action = 'orders.exported' AND entity_id = ?").pluck().get(result.exportId)).toBe(1)
  })

  it('exports only the filtered orders', async () => {
    const result = await t.call('orders:export', { managerToken, filters: { statuses: ['canceled', 'pending'] } })
    const [, ...rows] = parseCsv(readFileSync(result.path, 'utf8'))
    expect(rows.map((r) => r[3]).sort()).toEqual(['canceled', 'pending'])
  })

  it('is downloaded from the browser host as an attachment, and nothing else is', async () => {
    const result = await t.call('orders:export', { managerToken })
    // The cookie a browser holds after opening the address the host printed.
    const headers = { Cookie: `coursetill_${host.port}=${new URL(host.openUrl).searchParams.get('token')}` }
    expect((await fetch(`${host.url}${result.downloadUrl}`)).status).toBe(401)
    const response = await fetch(`${host.url}${result.downloadUrl}`, { headers })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toMatch(new RegExp(`^attachment; filename="?${result.fileName}"?$`))
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/)
    expect(await response.text()).toBe(readFileSync(result.path, 'utf8'))
    for (const path of ['/exports/' + 'a'.repeat(24), '/exports/..%2F..%2Fcoursetill.db', `/exports/${result.fileName}`]) {
      expect((await fetch(`${host.url}${path}`, { headers })).status).toBe(404)
    }
    const foreign = await fetch(`${host.url}${result.downloadUrl}`, { headers: { ...headers, Origin: 'https://evil.example' } })
    expect(foreign.status).toBe(403)
  })
})
