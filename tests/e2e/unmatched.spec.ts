import AxeBuilder from '@axe-core/playwright'
import Stripe from 'stripe'
import type { AppInfo, OrderDetail } from '../../src/shared/domain'
import type { ExternalPayment } from '../../src/shared/external-payments'
import type { RunningHost } from './fixtures/browser-host'
import { sandboxSecretKey } from './fixtures/sandbox-key'
import { apiCall, expect, test } from './fixtures/test'
import { watchConsole } from './fixtures/till-page'

async function dashboard(host: RunningHost): Promise<Stripe> {
  const info = await apiCall<AppInfo>(host, 'app:info')
  const url = new URL(info.stripe.sandboxApiUrl!)
  return new Stripe(sandboxSecretKey(host), { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 })
}

test('a Payment Link paid by an unknown email: the inbox, assigned to a new customer, the order owns the course', async ({ page, host, context }, testInfo) => {
  test.setTimeout(180_000)
  const errors = watchConsole(page)
  await page.goto(host.openUrl)
  // Settings: a manager approves publishing the catalog (the cashier is at the till).
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel(/Publish courses as Stripe products/).click()
  const pin = page.getByRole('dialog', { name: 'Manager approval' })
  await pin.getByLabel('PIN', { exact: true }).fill('2468')
  await pin.getByRole('button', { name: 'Approve' }).click()
  await expect(page.getByText(/[1-9]\d* courses in Stripe/)).toBeVisible()

  // In the Stripe dashboard, staff sell a course by Payment Link; someone the shop does not know pays it.
  const stripe = await dashboard(host)
  const [price] = (await stripe.prices.list({ lookup_keys: ['coursetill_course_SPK-130'] })).data
  const session = await stripe.checkout.sessions.create({ mode: 'payment', line_items: [{ price: price!.id, quantity: 1 }], success_url: 'https://shop.example/thanks' })
  const phone = await context.newPage()
  await phone.goto(session.url!)
  await phone.getByLabel('Email').fill('Stranger@Example.com')
  await phone.getByLabel('Card number').fill('4242 4242 4242 4242')
  await phone.getByLabel('Expiry (MM / YY)').fill('12 / 34')
  await phone.getByLabel('CVC').fill('123')
  await phone.getByRole('button', { name: 'Pay' }).click()
  await phone.waitForURL(/shop\.example|thanks/).catch(() => undefined)

  await page.getByRole('link', { name: 'Unmatched payments' }).click()
  const card = page.getByRole('region', { name: /£35\.00 from stranger@example\.com/ })
  await expect(card).toBeVisible()
  await expect(card).toContainText('No customer with the email stranger@example.com')
  await expect(card.getByLabel(/Course for/)).toHaveValue(/\d+/)
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme)
    const result = await new AxeBuilder({ page }).analyze()
    expect(result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => v.id)).toEqual([])
    for (const [width, height] of [[1366, 800], [1024, 640]] as const) {
      await page.setViewportSize({ width, height })
      await page.screenshot({ path: testInfo.outputPath(`unmatched-${width}-${theme}.png`) })
    }
  }
  await page.getByLabel('Theme').selectOption('light')
  await card.getByLabel("New customer's name").fill('Sam Stranger')
  await card.getByRole('button', { name: 'Record as order' }).click()
  await expect(page.getByText('Nothing is waiting')).toBeVisible()

  const [recorded] = (await apiCall<{ payments: ExternalPayment[] }>(host, 'external:list', { status: 'recorded' })).payments
  const order = await apiCall<OrderDetail>(host, 'orders:get', { orderId: recorded!.orderId })
  expect(order).toMatchObject({ accountEmail: 'stranger@example.com', accountName: 'Sam Stranger', status: 'successful' })
  expect(order.ownership).toHaveLength(1)
  expect(errors).toEqual([])
})
