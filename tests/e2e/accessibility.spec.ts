import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { apiCall, expect, test } from './fixtures/test'
import { seriousViolations } from './fixtures/look'

// Every screen at the smallest till screen we support, in both themes: no critical or serious axe violation,
// and a screenshot of each for a person to look at (reports/screenshots/<screen>-<theme>.png).
const SHOTS = 'reports/screenshots'
test.use({ viewport: { width: 1024, height: 640 } })

async function checkScreen(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true })
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme)
    // Let the theme's transitions and late loads settle before looking.
    await page.waitForLoadState('networkidle')
    expect(await seriousViolations(page), `${name} in the ${theme} theme`).toEqual([])
    await page.screenshot({ path: `${SHOTS}/${name}-${theme}.png` })
  }
}

test('every screen passes axe (no critical or serious violation) at 1024×640 in both themes', async ({ page, host }) => {
  test.setTimeout(420_000)
  const sale = await apiCall<{ id: number }>(host, 'orders:create', { accountId: 1, courseIds: [1, 2] })
  await apiCall(host, 'orders:recordCash', { orderId: sale.id, tendered: 10000 })
  const open = await apiCall<{ id: number }>(host, 'orders:create', { accountId: 2, courseIds: [3] })

  await page.goto(host.openUrl)
  await page.getByRole('combobox', { name: 'Search courses' }).fill('book')
  await page.getByRole('combobox', { name: 'Search courses' }).press('Enter')
  await expect(page.getByRole('list', { name: 'Cart' })).toBeVisible()
  // The cart and Charge fit above the fold at this size.
  await expect(page.getByRole('button', { name: /^Charge/ })).toBeInViewport()
  await checkScreen(page, 'sell')

  await page.goto(`${host.url}/#/sell/order/${open.id}`)
  await expect(page.getByRole('button', { name: /^Pay/ })).toBeVisible()
  await checkScreen(page, 'checkout')

  await page.goto(`${host.url}/#/sell/order/${sale.id}`)
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible()
  await checkScreen(page, 'receipt')

  await page.goto(`${host.url}/#/orders`)
  await expect(page.getByRole('row', { name: new RegExp(`^Order ${sale.id},`) })).toBeVisible()
  await checkScreen(page, 'orders')

  await page.goto(`${host.url}/#/orders/${sale.id}`)
  await expect(page.getByRole('list', { name: 'History' })).toBeVisible()
  await checkScreen(page, 'order-detail')

  await page.goto(`${host.url}/#/customers`)
  await expect(page.getByRole('heading', { name: 'Customers', level: 1 })).toBeAttached()
  await page.waitForLoadState('networkidle')
  await checkScreen(page, 'customers')

  await page.goto(`${host.url}/#/customers/1`)
  await expect(page.getByRole('heading', { name: 'Amelia Hart', level: 1 })).toBeVisible()
  await checkScreen(page, 'customer-detail')

  await page.goto(`${host.url}/#/reports`)
  await page.waitForLoadState('networkidle')
  await checkScreen(page, 'reports')

  await page.goto(`${host.url}/#/settings`)
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await page.waitForLoadState('networkidle')
  await checkScreen(page, 'settings')
  await page.getByText(/^Technical details/).click()
  await expect(page.getByRole('region', { name: 'Webhooks' })).toBeVisible()
  await checkScreen(page, 'settings-technical')

  await page.goto(`${host.url}/#/unmatched`)
  await expect(page.getByText('Nothing is waiting')).toBeVisible()
  await checkScreen(page, 'unmatched-empty')
})
