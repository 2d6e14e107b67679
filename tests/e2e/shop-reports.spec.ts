import AxeBuilder from '@axe-core/playwright'
import { startBrowserHost, type RunningHost } from './fixtures/browser-host'
import { apiCall, expect, test } from './fixtures/test'
import { watchConsole } from './fixtures/till-page'
import { useTwoShopHosts } from './fixtures/shop-hosts'
import { lookAt } from './fixtures/look'
import { addDays, type RevenueReport } from '../../src/shared/insight'

// Two tills on one shop database: a sale at till A shows in till B's Reports under "Whole shop", marked with A's
// till id, per currency, with how fresh the shop history is. Both sizes, both themes, axe on the panel.
// (Other tills' orders in the Orders grid: shop-orders.spec.ts.)
const shop = useTwoShopHosts()

test("another till's sale shows in Reports under Whole shop, marked with its till, per currency", async ({ page }, testInfo) => {
  const errors = watchConsole(page)
  const a = await apiCall<{ installationId: string }>(shop.a, 'app:info')
  const sale = await apiCall<{ id: number; amount: number }>(shop.a, 'orders:create', { accountId: 1, courseIds: [1] })
  await apiCall(shop.a, 'orders:recordCash', { orderId: sale.id, tendered: sale.amount })

  await page.goto(`${shop.b.openUrl}#/reports`)
  const panel = page.getByRole('region', { name: 'Whole shop' })
  const row = panel.getByRole('row', { name: new RegExp(`Till ${a.installationId.slice(0, 8)}`) })
  await expect(row).toBeVisible({ timeout: 20_000 })
  await expect(row).toContainText('GBP')
  await expect(panel.getByRole('status')).toContainText(/Shop history as of /)
  await expect(panel.getByRole('row', { name: /All tills GBP/ })).toBeVisible()
  for (const size of [{ width: 1366, height: 800 }, { width: 1024, height: 640 }]) {
    await page.setViewportSize(size)
    for (const theme of ['light', 'dark'] as const) {
      await page.getByLabel('Theme').selectOption(theme)
      await panel.scrollIntoViewIfNeeded()
      const result = await new AxeBuilder({ page }).include('[aria-labelledby="reports-whole-shop"]').analyze()
      expect(result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => v.id)).toEqual([])
      await page.screenshot({ path: testInfo.outputPath(`reports-whole-shop-${size.width}x${size.height}-${theme}.png`) })
    }
  }
  expect(errors).toEqual([])
})

test("Whole shop switches Reports' charts and tables to both tills' money, with how fresh the other till's part is", async ({ page }, testInfo) => {
  const errors = watchConsole(page)
  // Till A sells Customer Service Excellence (£29.00), till B Public Speaking Confidence (£35.00), both in cash.
  for (const [host, courseId] of [[shop.a, 4], [shop.b, 5]] as const) {
    const sale = await apiCall<{ id: number; amount: number }>(host, 'orders:create', { accountId: 1, courseIds: [courseId], confirmOwned: [courseId] })
    await apiCall(host, 'orders:recordCash', { orderId: sale.id, tendered: sale.amount })
  }
  await page.goto(`${shop.b.openUrl}#/reports`)
  const whose = page.getByRole('group', { name: 'Whose sales' })
  await expect(whose.getByRole('button', { name: 'This till' })).toHaveAttribute('aria-pressed', 'true')
  const coursePanel = page.getByRole('region', { name: /^Revenue per course · GBP/ })
  await coursePanel.getByRole('button', { name: 'Show table' }).click()
  const courses = page.getByRole('table', { name: 'Revenue per course in GBP' })
  await expect(courses.getByRole('row', { name: /Public Speaking Confidence/ })).toBeVisible()
  await expect(courses.getByRole('row', { name: /Customer Service Excellence/ })).toHaveCount(0)

  // Chosen by keyboard: Tab from "This till" to "Whole shop", Space presses it.
  await whose.getByRole('button', { name: 'This till' }).focus()
  await page.keyboard.press('Tab')
  await expect(whose.getByRole('button', { name: 'Whole shop' })).toBeFocused()
  await page.keyboard.press('Space')
  await expect(whose.getByRole('button', { name: 'Whole shop' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByRole('region', { name: 'Reports', exact: true }).getByRole('status')).toHaveText(/^Whole shop, as of .+\d/)
  await expect(page.getByRole('heading', { name: 'Revenue per course · GBP · Whole shop' })).toBeVisible()
  // The other till's course with its money, once it has been pulled (the screen refreshes on the sync).
  await expect(courses.getByRole('row', { name: /Customer Service Excellence/ })).toHaveText(/£29\.00\s*£0\.00\s*£29\.00/, { timeout: 20_000 })
  await expect(courses.getByRole('row', { name: /Public Speaking Confidence/ })).toHaveText(/£35\.00\s*£0\.00\s*£35\.00/)
  // Per day: the total is both tills' GBP money as each reports its own (every sale of this file is within these days).
  const today = new Date().toISOString().slice(0, 10)
  const period = { from: addDays(today, -7), to: addDays(today, 1) }
  const net = async (host: RunningHost) => (await apiCall<RevenueReport>(host, 'reports:revenue', period)).currencies.find((c) => c.currency === 'GBP')!.net
  const both = (await net(shop.a)) + (await net(shop.b))
  await page.getByRole('region', { name: /^Revenue per day · GBP/ }).getByRole('button', { name: 'Show table' }).click()
  await expect(page.getByRole('table', { name: 'Revenue per day in GBP' }).getByRole('row').last()).toHaveText(new RegExp(`^Total.*£${(both / 100).toFixed(2)}$`))
  await lookAt(page, 'reports-whole-shop-scope', (file) => testInfo.outputPath(file), page.getByRole('region', { name: 'Reports', exact: true }))
  await lookAt(page, 'reports-whole-shop-courses', (file) => testInfo.outputPath(file), courses)

  // Back to this till: the other till's course is gone from the table again.
  await whose.getByRole('button', { name: 'This till' }).click()
  await expect(page.getByRole('region', { name: 'Reports', exact: true }).getByRole('status')).toHaveText('This till’s own sales')
  await expect(courses.getByRole('row', { name: /Customer Service Excellence/ })).toHaveCount(0)
  expect(errors).toEqual([])
})

test('a till on its own has no This till / Whole shop choice', async ({ page }) => {
  const alone = await startBrowserHost()
  try {
    await page.goto(`${alone.openUrl}#/reports`)
    await expect(page.getByRole('group', { name: 'Period' })).toBeVisible()
    await expect(page.getByRole('group', { name: 'Whose sales' })).toHaveCount(0)
  } finally {
    await alone.stop()
  }
})
