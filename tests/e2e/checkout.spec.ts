import type { AppInfo, OrderDetail } from '../../src/shared/domain'
import type { RunningHost } from './fixtures/browser-host'
import { apiCall, expect, test } from './fixtures/test'
import { enterCard, startSale, watchConsole } from './fixtures/till-page'
import { sandboxSecretKey } from './fixtures/sandbox-key'

/** Charges the sandbox made for an intent: what the customer's card was actually charged. */
async function chargesFor(host: RunningHost, intentId: string) {
  const info = await apiCall<AppInfo>(host, 'app:info')
  const response = await fetch(`${info.stripe.sandboxApiUrl}/v1/charges?payment_intent=${intentId}`, { headers: { Authorization: `Bearer ${sandboxSecretKey(host)}` } })
  return ((await response.json()) as { data: Array<{ status: string; amount: number }> }).data
}

test('3-D Secure with 3155: the challenge completed pays, failed does not', async ({ page, host }, testInfo) => {
  const errors = watchConsole(page)
  await page.goto(host.openUrl)
  const completed = await startSale(page, ['Digital Marketing'], 'Liam')
  await enterCard(page, '4000 0025 0000 3155')
  await page.getByRole('button', { name: /^Pay/ }).click()
  const challenge = page.getByRole('dialog', { name: '3D Secure authentication' })
  await expect(challenge).toBeVisible()
  await expect(page.getByRole('list', { name: 'Payment status' })).toContainText('Authenticating')
  await page.screenshot({ path: testInfo.outputPath('3ds-challenge.png') })
  await challenge.getByRole('button', { name: 'Complete' }).click()
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible()
  expect((await apiCall<OrderDetail>(host, 'orders:get', { orderId: completed })).status).toBe('successful')

  await page.getByRole('button', { name: 'New sale' }).click()
  const failed = await startSale(page, ['Public Speaking'], 'Liam')
  await enterCard(page, '4000 0025 0000 3155')
  await page.getByRole('button', { name: /^Pay/ }).click()
  await page.getByRole('dialog', { name: '3D Secure authentication' }).getByRole('button', { name: 'Fail' }).click()
  await expect(page.getByRole('list', { name: 'Payment status' })).toContainText('3-D Secure authentication failed')
  const order = await apiCall<OrderDetail>(host, 'orders:get', { orderId: failed })
  expect(order.status).toBe('failed')
  expect(order.ownership).toEqual([])
  expect(errors.filter((e) => !/402/.test(e))).toEqual([])
})

test('a double click on Pay charges once', async ({ page, host }) => {
  await page.goto(host.openUrl)
  const orderId = await startSale(page, ['Italian'], 'Jonas')
  await enterCard(page, '4242 4242 4242 4242')
  await page.getByRole('button', { name: /^Pay/ }).dblclick()
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible()
  const order = await apiCall<OrderDetail>(host, 'orders:get', { orderId })
  expect(order.payments).toHaveLength(1)
  const charges = await chargesFor(host, order.payments[0]!.stripePaymentIntentId!)
  expect(charges.filter((c) => c.status === 'succeeded')).toHaveLength(1)
})

test('cash and card: change due, and the card is charged only the rest', async ({ page, host }, testInfo) => {
  await page.goto(host.openUrl)
  const orderId = await startSale(page, ['Sushi'], 'Yuki')
  await expect(page.getByLabel('Amount due')).toContainText('¥4,500')
  await page.getByLabel('Cash handed over (JPY)').fill('10.5')
  await page.getByRole('button', { name: 'Take cash' }).click()
  await expect(page.getByText('JPY has no decimal places')).toBeVisible()
  await page.getByLabel('Cash handed over (JPY)').fill('2,000')
  await page.getByRole('button', { name: 'Take cash' }).click()
  await expect(page.getByLabel('Amount due')).toContainText('¥2,500')
  await expect(page.getByRole('button', { name: /^Pay/ })).toContainText('¥2,500')
  await enterCard(page, '4242 4242 4242 4242')
  await page.screenshot({ path: testInfo.outputPath('split-tender.png') })
  await page.getByRole('button', { name: /^Pay/ }).click()
  const receipt = page.getByRole('article', { name: 'Receipt' })
  await expect(receipt).toContainText('Paid by Cash')
  await expect(receipt).toContainText('Paid by Card')
  const order = await apiCall<OrderDetail>(host, 'orders:get', { orderId })
  expect(order.status).toBe('successful')
  expect(order.payments.map((p) => [p.method, p.amountReceived]).sort()).toEqual([
    ['card', 2500],
    ['cash', 2000],
  ])

  // Cash over the amount due shows the change to give back.
  await page.getByRole('button', { name: 'New sale' }).click()
  await startSale(page, ['Bookkeeping'], 'Amelia')
  await page.getByLabel('Cash handed over (GBP)').fill('50')
  await page.getByRole('button', { name: 'Take cash' }).click()
  await expect(page.getByRole('article', { name: 'Receipt' })).toContainText('change £1.00')
})
