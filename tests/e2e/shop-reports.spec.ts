import AxeBuilder from '@axe-core/playwright'
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster'
import { startBrowserHost, type RunningHost } from './fixtures/browser-host'
import { apiCall, expect, test } from './fixtures/test'
import { watchConsole } from './fixtures/till-page'

// Two tills on one shop database: a sale at till A shows in till B's Reports under "Whole shop", marked with A's
// till id, per currency, with how fresh the shop history is. Both sizes, both themes, axe on the panel.
// (Other tills' orders in the Orders grid: shop-orders.spec.ts.)
let cluster: PgCluster
let tillA: RunningHost
let tillB: RunningHost
test.beforeAll(async () => {
  cluster = await startPgCluster()
  ;[tillA, tillB] = await Promise.all([startBrowserHost({ COURSETILL_SHOP_DATABASE_URL: cluster.url }), startBrowserHost({ COURSETILL_SHOP_DATABASE_URL: cluster.url })])
})
test.afterAll(async () => {
  await Promise.all([tillA?.stop(), tillB?.stop()])
  cluster?.destroy()
})

test("another till's sale shows in Reports under Whole shop, marked with its till, per currency", async ({ page }, testInfo) => {
  const errors = watchConsole(page)
  const a = await apiCall<{ installationId: string }>(tillA, 'app:info')
  const sale = await apiCall<{ id: number; amount: number }>(tillA, 'orders:create', { accountId: 1, courseIds: [1] })
  await apiCall(tillA, 'orders:recordCash', { orderId: sale.id, tendered: sale.amount })

  await page.goto(`${tillB.openUrl}#/reports`)
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
