import type { Page, TestInfo } from '@playwright/test'
import { startPgCluster, type PgCluster } from '../helpers/pg-cluster'
import { startBrowserHost, type RunningHost } from './fixtures/browser-host'
import { expect, test } from './fixtures/test'
import { watchConsole } from './fixtures/till-page'
import { seriousViolations } from './fixtures/look'

// Settings → Shop database in Chromium: on the browser host (no encrypted store) the URL comes from the
// environment only, and the panel says so; with COURSETILL_SHOP_DATABASE_URL set it shows the shop book in use —
// host and database, never the password — and how fresh the shop's history is. Both sizes, both themes, axe.

const PASSWORD = 'e2e-Shop-pw-931'
const SIZES = [
  { width: 1366, height: 800 },
  { width: 1024, height: 640 },
]

async function openShopPanel(page: Page, host: RunningHost) {
  await page.goto(`${host.openUrl}#/settings`)
  await page.getByText(/^Technical details/).click()
  const panel = page.getByRole('region', { name: 'Shop database' })
  await expect(panel).toBeVisible()
  return panel
}

async function lookAtIt(page: Page, testInfo: TestInfo, name: string) {
  for (const size of SIZES) {
    await page.setViewportSize(size)
    for (const theme of ['light', 'dark'] as const) {
      await page.getByLabel('Theme').selectOption(theme)
      await page.getByRole('region', { name: 'Shop database' }).scrollIntoViewIfNeeded()
      expect(await seriousViolations(page), `${name} ${size.width}×${size.height} ${theme}`).toEqual([])
      await page.screenshot({ path: testInfo.outputPath(`${name}-${size.width}x${size.height}-${theme}.png`) })
    }
  }
}

test('the browser host keeps no shop database URL and says where it goes instead', async ({ page, host }, testInfo) => {
  const errors = watchConsole(page)
  const panel = await openShopPanel(page, host)
  await expect(panel).toContainText('Off')
  await expect(panel).toContainText('this till is on its own')
  await expect(panel).toContainText('The browser host has no encrypted store for secrets: set COURSETILL_SHOP_DATABASE_URL in its environment and restart it')
  await expect(panel.getByLabel('Shop database URL')).toHaveCount(0)
  await lookAtIt(page, testInfo, 'shop-database-off')
  expect(errors).toEqual([])
})

test.describe('with COURSETILL_SHOP_DATABASE_URL', () => {
  let cluster: PgCluster
  let shopHost: RunningHost
  test.beforeAll(async () => {
    cluster = await startPgCluster()
    shopHost = await startBrowserHost({ COURSETILL_SHOP_DATABASE_URL: cluster.url.replace('postgresql://shop@', `postgresql://shop:${PASSWORD}@`) })
  })
  test.afterAll(async () => {
    await shopHost?.stop()
    cluster?.destroy()
  })

  test('Settings shows the shop book in use, masked, from the environment, and its freshness', async ({ page }, testInfo) => {
    const errors = watchConsole(page)
    const panel = await openShopPanel(page, shopHost)
    await expect(panel.getByText('Connected')).toBeVisible()
    const facts = panel.getByRole('definition')
    await expect(facts).toContainText([`127.0.0.1:${cluster.port}`, 'shop', 'shop', '•••••• (hidden)', 'from COURSETILL_SHOP_DATABASE_URL (the environment wins over Settings)'])
    await expect(panel).toContainText(/Shop history\s*as of /)
    await expect(panel).toContainText('is set in the environment and wins over Settings')
    await expect(panel.getByLabel(/Shop database URL/)).toHaveCount(0)
    expect(await page.content()).not.toContain(PASSWORD)
    await lookAtIt(page, testInfo, 'shop-database-environment')
    expect(errors).toEqual([])
  })
})
