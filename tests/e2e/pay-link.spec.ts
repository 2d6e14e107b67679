import type { Page } from '@playwright/test'
import Stripe from 'stripe'
import type { Account, AppInfo, OrderDetail } from '../../src/shared/domain'
import type { RunningHost } from './fixtures/browser-host'
import { sandboxSecretKey } from './fixtures/sandbox-key'
import { apiCall, expect, test } from './fixtures/test'
import { startSale, watchConsole } from './fixtures/till-page'
import { seriousViolations } from './fixtures/look'

/** The official SDK against the host's own sandbox: the tests' Stripe dashboard. */
async function dashboard(host: RunningHost): Promise<Stripe> {
  const info = await apiCall<AppInfo>(host, 'app:info')
  const url = new URL(info.stripe.sandboxApiUrl!)
  return new Stripe(sandboxSecretKey(host), { host: url.hostname, port: Number(url.port), protocol: 'http', maxNetworkRetries: 0 })
}

async function showLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Show QR code and link' }).click()
  await expect(page.getByRole('img', { name: /QR code: pay order/ })).toBeVisible()
  await expect(page.getByRole('timer')).toContainText(/Expires in \d/)
  return page.getByLabel('Payment link').inputValue()
}

/** The customer's phone: the sandbox's hosted pay page, with a test card. */
async function payOnPhone(phone: Page, url: string, card: string) {
  await phone.goto(url)
  // The email is the customer's own, filled in (and fixed) by the session.
  await expect(phone.getByLabel('Email')).not.toHaveValue('')
  await phone.getByLabel('Card number').fill(card)
  await phone.getByLabel('Expiry (MM / YY)').fill('12 / 34')
  await phone.getByLabel('CVC').fill('123')
  await phone.getByRole('button', { name: 'Pay' }).click()
}

test('the QR code and link panel: axe clean in both themes, screenshots at both till sizes', async ({ page, host }, testInfo) => {
  test.setTimeout(180_000)
  const errors = watchConsole(page)
  await page.goto(host.openUrl)
  await startSale(page, ['Digital Marketing'], 'Liam')
  expect(await showLink(page)).toMatch(/\/checkout\/cs_test_/)
  await expect(page.getByRole('list', { name: 'Payment status' })).toContainText('Pay link open')
  for (const [width, height] of [[1366, 800], [1024, 640]] as const) {
    await page.setViewportSize({ width, height })
    await page.getByRole('heading', { name: 'Pay on phone or by link' }).scrollIntoViewIfNeeded()
    await page.screenshot({ path: testInfo.outputPath(`pay-link-${width}-light.png`) })
    await page.getByLabel('Theme').selectOption('dark')
    await page.screenshot({ path: testInfo.outputPath(`pay-link-${width}-dark.png`) })
    await page.getByLabel('Theme').selectOption('light')
  }
  expect(await seriousViolations(page)).toEqual([])
  await page.getByLabel('Theme').selectOption('dark')
  expect(await seriousViolations(page)).toEqual([])
  expect(errors).toEqual([])
})

test('QR code paid on the phone: a decline shows at the till, then a good card pays and the receipt appears', async ({ page, host, context }, testInfo) => {
  const errors = watchConsole(page)
  await page.goto(host.openUrl)
  const orderId = await startSale(page, ['Digital Marketing'], 'Liam')
  const url = await showLink(page)
  const phone = await context.newPage()
  await payOnPhone(phone, url, '4000 0000 0000 9995')
  await expect(phone.getByRole('alert')).toContainText(/insufficient funds/i)
  await expect(page.getByRole('list', { name: 'Payment status' })).toContainText('Declined on the phone')
  await page.getByRole('heading', { name: 'Pay on phone or by link' }).scrollIntoViewIfNeeded()
  await expect(page.getByText(/Declined on the phone — Insufficient funds/).last()).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('pay-link-declined.png') })

  await payOnPhone(phone, url, '4242 4242 4242 4242')
  await expect(phone.getByRole('status')).toContainText('received')
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible()
  const order = await apiCall<OrderDetail>(host, 'orders:get', { orderId })
  expect(order).toMatchObject({ status: 'successful', amountDue: 0 })
  expect(order.payments.filter((p) => p.status === 'succeeded')).toHaveLength(1)
  expect(order.ownership).toHaveLength(1)
  expect(errors).toEqual([])
})

test('a link left unpaid expires on the test clock, and the till says so', async ({ page, host }) => {
  const stripe = await dashboard(host)
  const [customer] = await apiCall<Account[]>(host, 'customers:search', { query: 'Liam' })
  // The shop's Stripe customer for this email lives on a test clock, so Stripe's time can be moved for it.
  const clock = await stripe.testHelpers.testClocks.create({ frozen_time: Math.floor(Date.now() / 1000) })
  await stripe.customers.create({ email: customer!.email, test_clock: clock.id })
  await page.goto(host.openUrl)
  const orderId = await startSale(page, ['Public Speaking'], 'Liam')
  await showLink(page)
  const [link] = await apiCall<Array<{ expiresAt: number }>>(host, 'payLinks:list', { orderId })
  await stripe.testHelpers.testClocks.advance(clock.id, { frozen_time: link!.expiresAt / 1000 + 60 })
  await expect(page.getByRole('list', { name: 'Payment status' })).toContainText('Pay link expired')
  await expect(page.getByText('The last link expired unpaid')).toBeVisible()
  expect((await apiCall<OrderDetail>(host, 'orders:get', { orderId })).status).toBe('pending')
})

test('paid in cash while the link is open: the link is expired at Stripe and the phone can no longer pay', async ({ page, host, context }) => {
  const stripe = await dashboard(host)
  await page.goto(host.openUrl)
  const orderId = await startSale(page, ['Italian'], 'Jonas')
  const url = await showLink(page)
  await page.getByRole('button', { name: /^Exact/ }).click()
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible()
  const session = url.split('/checkout/')[1]!
  await expect.poll(async () => (await stripe.checkout.sessions.retrieve(session)).status).toBe('expired')
  const phone = await context.newPage()
  await phone.goto(url)
  await expect(phone.getByText('This checkout session has expired.')).toBeVisible()
  const order = await apiCall<OrderDetail>(host, 'orders:get', { orderId })
  expect(order.payments.filter((p) => p.status === 'succeeded').map((p) => p.method)).toEqual(['cash'])
})
