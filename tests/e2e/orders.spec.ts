// The Orders screen through the browser host in Chromium: a large seeded history (windowed grid, infinite loading,
// sorting, keyboard) and sales made at the till (status and date filters, the CSV export downloaded and checked
// against the store file).
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { Page, TestInfo } from '@playwright/test'
import { startBrowserHost } from './fixtures/browser-host'
import { apiCall, expect, test } from './fixtures/test'
import { screenshotThemes, watchConsole } from './fixtures/till-page'
import { sandboxSecretKey } from './fixtures/sandbox-key'

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  await page.getByLabel('Theme').selectOption('light')
  await screenshotThemes(page, name, (file) => testInfo.outputPath(file))
}

const grid = (page: Page) => page.getByRole('grid', { name: 'Orders' })
const bodyRows = (page: Page) => grid(page).locator('.orders-body [role="row"]')

test('a large history scrolls through a windowed grid that loads pages as it goes', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'coursetill-e2e-orders-'))
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed-large.ts', '--orders', '3000', '--dir', dir, '--now', '2026-06-30T18:00:00Z'], { encoding: 'utf8', timeout: 60_000 })
  expect(seeded.status, seeded.stderr).toBe(0)
  const host = await startBrowserHost({ COURSETILL_DATA_DIR: dir })
  try {
    const errors = watchConsole(page)
    await page.goto(`${host.openUrl}#/orders`)
    await expect(page.getByText('3,000 orders', { exact: true })).toBeVisible()
    await expect(grid(page)).toHaveAttribute('aria-rowcount', '3001')
    await expect(bodyRows(page).first()).toBeVisible()
    // Windowed: a screenful of rows (plus overscan) exists in the page, not the hundred loaded.
    expect(await bodyRows(page).count()).toBeLessThan(40)
    await shoot(page, testInfo, 'orders-large')

    // Scrolling to the end keeps fetching pages by cursor until the last one.
    const body = grid(page).locator('.orders-body')
    await expect(async () => {
      await body.evaluate((element) => element.scrollTo(0, element.scrollHeight))
      await expect(page.getByText('3,000 orders — that is all of them')).toBeInViewport({ timeout: 500 })
    }).toPass({ timeout: 60_000 })
    expect(await bodyRows(page).count()).toBeLessThan(40)
    await expect(bodyRows(page).last()).toHaveAttribute('aria-rowindex', '3001')

    // Sorting by amount from the column header.
    await page.getByRole('columnheader', { name: 'Amount' }).getByRole('button').click()
    await expect(page.getByRole('columnheader', { name: 'Amount' })).toHaveAttribute('aria-sort', 'descending')
    await expect(bodyRows(page).first()).toHaveAttribute('aria-rowindex', '2')

    // Keyboard: into the grid, down one row, Enter opens that order's detail.
    await bodyRows(page).first().focus()
    await page.keyboard.press('ArrowDown')
    const second = (await page.locator(':focus').getAttribute('aria-label')) ?? ''
    expect(second).toMatch(/^Order \d+,/)
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(new RegExp(`#/orders/${second.match(/^Order (\d+)/)![1]}$`))
    expect(errors).toEqual([])
  } finally {
    await host.stop()
    rmSync(dir, { recursive: true, force: true })
  }
})

test('sales made at the till filter by status and date, and export to a CSV that matches the store', async ({ page, host }, testInfo) => {
  const errors = watchConsole(page)
  const call = <T>(channel: string, input: unknown) => apiCall<T>(host, channel, input)
  type Order = { id: number; status: string }
  const odd = await call<{ id: number }>('customers:create', { name: 'Zoë "Zed", Jr.', email: 'zed@example.com' })
  // Demo catalog: 1 Bookkeeping £49.00, 2 Excel £39.00, 9 Shodō ¥6,800, 11 Arabic Calligraphy KWD 15.000, 6 Photography €59.00.
  const gbp = await call<Order>('orders:create', { accountId: odd.id, courseIds: [1, 2] })
  await call('orders:recordCash', { orderId: gbp.id, tendered: 10_000 })
  const kwd = await call<Order>('orders:create', { accountId: 4, courseIds: [11] })
  await call('orders:recordCash', { orderId: kwd.id, tendered: 15_000 })
  const jpy = await call<Order>('orders:create', { accountId: 3, courseIds: [9] })
  const checkout = await call<{ paymentIntentId: string }>('payments:startCard', { orderId: jpy.id })
  const info = await call<{ stripe: { sandboxApiUrl: string } }>('app:info', {})
  const confirmed = await fetch(`${info.stripe.sandboxApiUrl}/v1/payment_intents/${checkout.paymentIntentId}/confirm`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sandboxSecretKey(host)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'payment_method=pm_card_visa',
  })
  expect(confirmed.status).toBe(200)
  await expect.poll(async () => (await call<Order>('orders:get', { orderId: jpy.id })).status).toBe('successful')
  const pending = await call<Order>('orders:create', { accountId: 2, courseIds: [6] })
  const canceled = await call<Order>('orders:create', { accountId: 5, courseIds: [1] })
  await call('orders:cancel', { orderId: canceled.id })
  // One sale three days ago, written into the store file as an older sale would be.
  const store = new Database(join(host.dataDir, 'coursetill.db'))
  store.pragma('busy_timeout = 5000')
  store.prepare('UPDATE purchase_order SET created_at = created_at - 3 * 86400000 WHERE id = ?').run(kwd.id)

  await page.goto(`${host.openUrl}#/orders`)
  await expect(page.getByText('5 orders', { exact: true })).toBeVisible()
  await expect(bodyRows(page)).toHaveCount(5)
  await expect(page.getByRole('listitem', { name: 'JPY totals' })).toContainText('¥6,800')
  await expect(page.getByRole('listitem', { name: 'KWD totals' })).toContainText('15.000')
  await shoot(page, testInfo, 'orders-till')

  // By status: pending and canceled.
  const chips = page.getByRole('group', { name: 'Status' })
  await chips.getByRole('button', { name: 'Unpaid' }).click()
  await expect(bodyRows(page)).toHaveCount(1)
  await expect(bodyRows(page).first()).toHaveAttribute('aria-label', new RegExp(`^Order ${pending.id},`))
  await chips.getByRole('button', { name: 'Canceled' }).click()
  await expect(bodyRows(page)).toHaveCount(2)
  await expect(page.getByText('2 orders', { exact: true })).toBeVisible()
  // The filters live in the address: an order opened and Back returns to the same filtered list.
  await bodyRows(page).first().click()
  await expect(page.getByRole('heading', { level: 1, name: /^Order #/ })).toBeVisible()
  await page.goBack()
  await expect(bodyRows(page)).toHaveCount(2)
  await expect(chips.getByRole('button', { name: 'Canceled' })).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(bodyRows(page)).toHaveCount(5)

  // By date: up to two days ago finds only the older sale; from today finds the rest.
  const day = (offset: number) => {
    const d = new Date(Date.now() + offset * 86_400_000)
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  }
  await page.getByLabel('To', { exact: true }).fill(day(-2))
  await expect(bodyRows(page)).toHaveCount(1)
  await expect(bodyRows(page).first()).toHaveAttribute('aria-label', new RegExp(`^Order ${kwd.id},`))
  await page.getByLabel('To', { exact: true }).fill('')
  await page.getByLabel('From', { exact: true }).fill(day(0))
  await expect(bodyRows(page)).toHaveCount(4)
  await page.getByLabel('From', { exact: true }).fill(day(1))
  await expect(page.getByText('No orders match these filters')).toBeVisible()
  await page.getByRole('group', { name: 'Dates' }).getByRole('button', { name: 'Today' }).click()
  await expect(bodyRows(page)).toHaveCount(4)
  await page.getByRole('button', { name: 'Clear filters' }).click()

  // Export: a manager approves (the cashier is at the till), then the file downloads.
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const pin = page.getByRole('dialog', { name: 'Manager approval' })
  await pin.getByLabel('PIN', { exact: true }).fill('2468')
  await pin.getByRole('button', { name: 'Approve' }).click()
  const link = page.getByRole('link', { name: /^Download orders-.*\.csv$/ })
  await expect(link).toBeVisible()
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  const text = readFileSync(await download.path(), 'utf8')
  expect(download.suggestedFilename()).toMatch(/^orders-.*\.csv$/)
  const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)
  expect(lines[0]).toBe('order,created,time_zone,status,customer,email,items,courses,currency,amount,paid,refunded,payment_methods,discount,till')
  expect(lines.find((line) => line.startsWith(`${gbp.id},`))).toContain(',"Zoë ""Zed"", Jr.",zed@example.com,2,')
  expect(lines.find((line) => line.startsWith(`${kwd.id},`))).toContain(',KWD,15.000,15.000,0.000,cash,0.000')
  expect(lines.find((line) => line.startsWith(`${jpy.id},`))).toContain(',JPY,6800,6800,0,card,0')
  // Every order of the store, once, with its amount.
  const want = store.prepare('SELECT id, currency, amount FROM purchase_order ORDER BY created_at DESC, id DESC').all() as Array<{ id: number; currency: string; amount: number }>
  const rows = lines.slice(1).map((line) => line.match(/^(\d+),.*,([A-Z]{3}),([\d.]+),[\d.]+,[\d.]+,[a-z+]*,[\d.]+,[a-z0-9-]{16,64}$/)!)
  expect(rows.map((m) => [Number(m[1]), m[2], Number(m[3]!.replace('.', ''))])).toEqual(want.map((o) => [o.id, o.currency, o.amount]))
  store.close()
  await shoot(page, testInfo, 'orders-exported')
  expect(errors).toEqual([])
})
