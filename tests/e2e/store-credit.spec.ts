import { mkdirSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import type { CustomerCredit } from '../../src/shared/credit'
import type { AppInfo, OrderDetail } from '../../src/shared/domain'
import type { RunningHost } from './fixtures/browser-host'
import { apiCall, expect, test } from './fixtures/test'
import { enterCard, startSale, watchConsole } from './fixtures/till-page'
import { sandboxSecretKey } from './fixtures/sandbox-key'
import { seriousViolations } from './fixtures/look'

const SHOTS = 'reports/screenshots'

/** Screenshots at both till sizes in both themes for a person to look at; axe at the smaller size, both themes. */
async function checkScreen(page: Page, name: string, show?: Locator) {
  mkdirSync(SHOTS, { recursive: true })
  for (const size of [{ width: 1366, height: 800 }, { width: 1024, height: 640 }]) {
    await page.setViewportSize(size)
    for (const theme of ['light', 'dark'] as const) {
      await page.getByLabel('Theme').selectOption(theme)
      await page.waitForLoadState('networkidle')
      await show?.scrollIntoViewIfNeeded()
      if (size.width === 1024) expect(await seriousViolations(page), `${name} at ${size.width}×${size.height}, ${theme}`).toEqual([])
      await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}-${theme}.png`, fullPage: true })
    }
  }
  await page.getByLabel('Theme').selectOption('light')
  await page.setViewportSize({ width: 1280, height: 720 })
}

async function chargesFor(host: RunningHost, intentId: string) {
  const info = await apiCall<AppInfo>(host, 'app:info')
  const response = await fetch(`${info.stripe.sandboxApiUrl}/v1/charges?payment_intent=${intentId}`, { headers: { Authorization: `Bearer ${sandboxSecretKey(host)}` } })
  return ((await response.json()) as { data: Array<{ status: string; amount: number }> }).data
}

test('pay part by store credit and the rest by card: the card is charged exactly the rest; the customer sees balance and ledger', async ({ page, host }) => {
  test.setTimeout(300_000)
  const errors = watchConsole(page)
  // The owner's session from the shared staff fixture (fixtures/staff.ts) approves, as a manager at the till would.
  const token = host.staff!.owner.token
  await apiCall(host, 'credit:adjust', { customerId: 1, currency: 'GBP', amount: 1500, reason: 'Goodwill for a late course', requestKey: 'e2e-adjust-0001', managerToken: token })

  await page.goto(host.openUrl)
  const orderId = await startSale(page, ['Bookkeeping'], 'Amelia')
  const credit = page.getByRole('form', { name: 'Store credit payment' })
  await expect(credit).toContainText('Amelia Hart has £15.00 of credit')
  await expect(page.getByRole('button', { name: /^Pay/ })).toContainText('£49.00')
  await checkScreen(page, 'credit-checkout')

  // More than the balance is refused on the spot, and nothing is taken.
  await credit.getByLabel('Credit to use (GBP)').fill('20')
  await credit.getByRole('button', { name: 'Use credit' }).click()
  await expect(credit.getByText('At most £15.00 of credit can pay this order')).toBeVisible()
  expect((await apiCall<OrderDetail>(host, 'orders:get', { orderId })).payments.filter((p) => p.method === 'credit')).toEqual([])

  await credit.getByLabel('Credit to use (GBP)').fill('15.00')
  await credit.getByRole('button', { name: 'Use credit' }).dblclick()
  await expect(page.getByLabel('Amount due')).toContainText('£34.00')
  await expect(page.getByRole('list', { name: 'Payment status' })).toContainText('Store credit used £15.00')
  await expect(page.getByRole('button', { name: /^Pay/ })).toContainText('£34.00')
  await enterCard(page, '4242 4242 4242 4242')
  await page.getByRole('button', { name: /^Pay/ }).click()
  const receipt = page.getByRole('article', { name: 'Receipt' })
  await expect(receipt).toContainText('Paid by Store credit')
  await expect(receipt).toContainText('Paid by Card')
  await checkScreen(page, 'credit-receipt')

  const order = await apiCall<OrderDetail>(host, 'orders:get', { orderId })
  expect(order.status).toBe('successful')
  expect(order.payments.map((p) => [p.method, p.amountReceived]).sort()).toEqual([['card', 3400], ['credit', 1500]])
  const card = order.payments.find((p) => p.method === 'card')!
  expect((await chargesFor(host, card.stripePaymentIntentId!)).filter((c) => c.status === 'succeeded').map((c) => c.amount)).toEqual([3400])

  // Managers find it by its tender: Orders' "Paid by: Store credit" lists it (and no cash-only sale), and Reports
  // split the day's money by method.
  await apiCall(host, 'orders:recordCash', { orderId: (await apiCall<OrderDetail>(host, 'orders:create', { accountId: 2, courseIds: [4], confirmOwned: [] })).id, tendered: 2900, requestKey: 'e2e-cash-only-0001' })
  await page.goto(`${host.url}/#/orders`)
  await page.getByLabel('Paid by').selectOption('credit')
  const grid = page.getByRole('grid', { name: 'Orders' })
  await expect(grid.getByRole('row', { name: new RegExp(`^Order ${orderId},`) })).toContainText('Card + Store credit')
  await expect(grid.getByRole('row', { name: /^Order \d+,/ })).toHaveCount(1)
  await checkScreen(page, 'credit-orders-filter')
  await page.goto(`${host.url}/#/reports`)
  const byMethod = page.getByRole('table', { name: 'Revenue by payment method in GBP' })
  await expect(byMethod.getByRole('row', { name: /^Store credit/ })).toHaveText(/Store credit\s*£15\.00\s*£0\.00\s*£15\.00/)
  await expect(byMethod.getByRole('row', { name: /^Card/ })).toHaveText(/Card\s*£34\.00\s*£0\.00\s*£34\.00/)
  await expect(byMethod.getByRole('row', { name: /^Cash/ })).toHaveText(/Cash\s*£29\.00\s*£0\.00\s*£29\.00/)
  await checkScreen(page, 'credit-reports-methods', byMethod)

  await page.goto(`${host.url}/#/customers/1`)
  const panel = page.getByRole('region', { name: 'Store credit' })
  await expect(panel).toBeVisible()
  await expect(panel.getByRole('table')).toContainText('Spent')
  await expect(panel.getByRole('table')).toContainText('Goodwill for a late course')
  await expect(panel.getByLabel('Credit balances')).toContainText('No credit')
  const ledger = await apiCall<CustomerCredit>(host, 'credit:get', { customerId: 1 })
  expect(ledger.entries.map((e) => [e.kind, e.amount, e.balanceAfter])).toEqual([['spend', -1500, 0], ['adjust', 1500, 1500]])
  await expect(panel.getByTestId('referral-code')).toHaveText(ledger.referralCode)

  // A coupon typed at the counter adds its credit; a manager takes some away again, with a reason, behind the PIN.
  const fresh = host.staff!.owner.token
  await apiCall(host, 'coupons:create', { code: 'FAIR-2026', amount: 1000, currency: 'GBP', maxRedemptions: 5, expiresAt: null, managerToken: fresh })
  const redeem = panel.getByRole('form', { name: 'Redeem a coupon' })
  await redeem.getByLabel('Coupon code').fill('fair-2026')
  await redeem.getByRole('button', { name: 'Redeem' }).click()
  await expect(panel.getByLabel('Credit balances')).toContainText('£10.00')
  await panel.getByRole('button', { name: 'Adjust…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Adjust store credit' })
  await dialog.getByLabel('Adjustment', { exact: true }).selectOption('remove')
  await dialog.getByLabel('Currency', { exact: true }).fill('GBP')
  await dialog.getByLabel('Amount', { exact: true }).fill('2.50')
  await dialog.getByLabel('Reason', { exact: true }).fill('Coupon given twice by mistake')
  await dialog.getByRole('button', { name: 'Adjust credit' }).click()
  // The cashier is at the till: a manager approves on the spot.
  const unlock = page.getByRole('dialog', { name: 'Manager approval' })
  await unlock.getByLabel('PIN', { exact: true }).fill('2468')
  await unlock.getByRole('button', { name: 'Approve' }).click()
  await expect(panel.getByLabel('Credit balances')).toContainText('£7.50')
  await expect(panel.getByRole('table')).toContainText('Coupon given twice by mistake')
  await checkScreen(page, 'credit-customer', panel)
  expect(errors).toEqual([])
})
