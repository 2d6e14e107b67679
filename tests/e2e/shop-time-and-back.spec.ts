// Issue 17 remainders where the user sees them: Back from an order returns to the same place in the Orders list,
// Orders jumps to a date, the CSV export's times are the shop's wall clock with the offset, reports use the
// shop's date style, catch-up speaks plainly; issue 12: the plan grace days are a Settings field.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { startBrowserHost } from './fixtures/browser-host'
import { apiCall, expect, test } from './fixtures/test'
import { startSale, watchConsole } from './fixtures/till-page'

const grid = (page: Page) => page.getByRole('grid', { name: 'Orders' })
const bodyRows = (page: Page) => grid(page).locator('.orders-body [role="row"]')

async function enterPin(page: Page, pin = '2468') {
  const dialog = page.getByRole('dialog', { name: /manager PIN|Manager approval/i })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('PIN', { exact: true }).fill(pin)
  const repeat = dialog.getByLabel('Repeat PIN')
  if (await repeat.isVisible()) await repeat.fill(pin)
  await dialog.getByRole('button', { name: /Set PIN|Unlock|Approve/ }).click()
  await expect(dialog).toBeHidden()
}

test('Back from an order returns to the same rows of the Orders list, and the list jumps to a date', async ({ page }, testInfo) => {
  test.setTimeout(120_000)
  const dir = mkdtempSync(join(tmpdir(), 'coursetill-e2e-back-'))
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/seed-large.ts', '--orders', '1500', '--dir', dir, '--now', '2026-06-30T18:00:00Z'], { encoding: 'utf8', timeout: 60_000 })
  expect(seeded.status, seeded.stderr).toBe(0)
  const host = await startBrowserHost({ COURSETILL_DATA_DIR: dir })
  try {
    const errors = watchConsole(page)
    await page.goto(`${host.openUrl}#/orders`)
    await expect(bodyRows(page).first()).toBeVisible()
    const body = grid(page).locator('.orders-body')
    // Far enough that a second page had to load.
    await expect(async () => {
      await body.evaluate((element) => element.scrollTo(0, 7_000))
      expect(await body.evaluate((element) => element.scrollTop)).toBe(7_000)
    }).toPass({ timeout: 20_000 })
    const row = bodyRows(page).nth(12)
    const label = (await row.getAttribute('aria-label')) ?? ''
    const id = label.match(/^Order (\d+),/)![1]
    await row.click()
    await expect(page).toHaveURL(new RegExp(`#/orders/${id}$`))
    await expect(page.getByRole('heading', { name: new RegExp(`^Order #${id}`) })).toBeVisible()

    await page.goBack()
    await expect(grid(page)).toBeVisible()
    await expect.poll(() => body.evaluate((element) => element.scrollTop)).toBe(7_000)
    await expect(page.locator(':focus')).toHaveAttribute('aria-label', label)
    await page.screenshot({ path: testInfo.outputPath('orders-back-same-rows.png') })

    // A new visit from the sidebar starts at the top.
    await page.getByRole('link', { name: 'Sell' }).click()
    await page.getByRole('link', { name: 'Orders' }).click()
    await expect(bodyRows(page).first()).toBeVisible()
    expect(await body.evaluate((element) => element.scrollTop)).toBe(0)

    // Jump to a date: newest first, the list starts at that day.
    await page.getByLabel('Jump to date').fill('2026-03-12')
    await page.getByRole('button', { name: 'Go to date' }).click()
    await expect(page.getByLabel('To', { exact: true })).toHaveValue('2026-03-12')
    await expect(page.getByRole('columnheader', { name: 'Date' })).toHaveAttribute('aria-sort', 'descending')
    await expect(bodyRows(page).first()).toBeVisible()
    const first = Number(((await bodyRows(page).first().getAttribute('aria-label')) ?? '').match(/^Order (\d+),/)![1])
    const store = (await import('better-sqlite3')).default(join(dir, 'coursetill.db'), { readonly: true })
    const created = store.prepare('SELECT created_at FROM purchase_order WHERE id = ?').pluck().get(first) as number
    const newestThen = store.prepare('SELECT max(created_at) FROM purchase_order WHERE created_at < ?').pluck().get(Date.parse('2026-03-13T00:00:00Z')) as number
    store.close()
    expect(created).toBe(newestThen)
    await page.screenshot({ path: testInfo.outputPath('orders-jump-to-date.png') })
    expect(errors).toEqual([])
  } finally {
    await host.stop()
  }
})

test("the CSV export and the reports use the shop's zone and date style; catch-up and plan grace read plainly", async ({ page, host }, testInfo) => {
  const errors = watchConsole(page)
  await page.goto(`${host.openUrl}#/settings`)
  const locale = page.getByRole('region', { name: 'Time zone and dates' })
  await locale.getByLabel('Shop time zone').selectOption('Asia/Tokyo')
  await locale.getByLabel('Date style').selectOption('en-US')
  await locale.getByRole('button', { name: 'Save time zone and dates' }).click()
  await enterPin(page)
  await expect.poll(async () => (await apiCall<{ timeZone: string; locale: string }>(host, 'app:info')).timeZone).toBe('Asia/Tokyo')

  // Payment plans: the grace days, validated beside the field.
  const plans = page.getByRole('region', { name: 'Payment plans' })
  const grace = plans.getByLabel("Days late before a plan's course is suspended")
  await expect(grace).toHaveValue('7')
  await grace.fill('two weeks')
  await plans.getByRole('button', { name: 'Save grace period' }).click()
  await expect(plans.getByRole('alert')).toHaveText('Enter a whole number of days, such as 7')
  await grace.fill('120')
  await plans.getByRole('button', { name: 'Save grace period' }).click()
  await expect(plans.getByRole('alert')).toHaveText('At most 90 days')
  await grace.fill('14')
  await plans.getByRole('button', { name: 'Save grace period' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'more than 14 days late' })).toBeVisible()
  expect((await apiCall<{ graceDays: number }>(host, 'installments:settings')).graceDays).toBe(14)
  await page.screenshot({ path: testInfo.outputPath('settings-grace-days.png'), fullPage: true })

  // A cash sale, then its export: created is the shop's wall clock with the offset, and the zone is named.
  await page.goto(`${host.url}#/sell`)
  await startSale(page, ['Bookkeeping'], 'Amelia')
  await page.getByLabel('Cash handed over (GBP)').fill('49')
  await page.getByRole('button', { name: 'Take cash' }).click()
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible()
  await page.goto(`${host.url}#/orders`)
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const link = page.getByRole('link', { name: /^Download orders-.*\.csv$/ })
  await expect(link).toBeVisible()
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
  const lines = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter(Boolean)
  expect(lines[0]).toMatch(/^order,created,time_zone,status,/)
  const [, created, zone] = lines[1]!.split(',')
  expect(created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00$/)
  expect(zone).toBe('Asia/Tokyo')
  expect(Math.abs(Date.parse(created!) - Date.now())).toBeLessThan(10 * 60_000)

  // Reports: the day in the shop's zone, written in its date style (en-US: "Dec 1, 2026").
  const today = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Tokyo' }).format(new Date())
  await page.goto(`${host.url}#/reports`)
  await page.getByRole('button', { name: 'Show table' }).first().click()
  const days = page.getByRole('table', { name: 'Revenue per day in GBP' })
  await expect(days.getByRole('row', { name: new RegExp(`^${today}`) })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('reports-shop-date-style.png') })

  // Catch-up in a manager's words.
  await page.goto(`${host.url}#/settings`)
  await page.getByText(/^Technical details/).click()
  const catchUp = page.getByRole('region', { name: 'Catch-up' })
  await catchUp.getByRole('button', { name: 'Run catch-up now' }).click()
  await expect(catchUp.getByRole('status', { name: 'Catch-up progress' })).toContainText(/from Stripe/)
  await expect(catchUp.getByRole('status', { name: 'Catch-up progress' })).not.toContainText(/listed|applied/)
  expect(errors).toEqual([])
})
