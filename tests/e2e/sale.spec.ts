import { expect, test } from '@playwright/test'
import { startBrowserHost, type RunningHost } from './fixtures/browser-host'
import { enterCard, startSale, watchConsole } from './fixtures/till-page'

let host: RunningHost
test.beforeEach(async ({ page }) => {
  host = await startBrowserHost()
  await page.setViewportSize({ width: 1280, height: 720 })
})
test.afterEach(async () => {
  await host?.stop()
})

async function orderFromApi(orderId: number) {
  const response = await fetch(`${host.url}/api/orders:get`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ orderId }) })
  return ((await response.json()) as { value: { status: string; ownership: unknown[]; payments: Array<{ status: string; stripePaymentIntentId: string | null }> } }).value
}

test('a full sale with 4242: settles live, shows the receipt, the customer owns the course', async ({ page }, testInfo) => {
  const errors = watchConsole(page)
  await page.goto(host.url)
  await page.screenshot({ path: testInfo.outputPath('sell-empty.png') })
  const orderId = await startSale(page, ['Bookkeeping', 'Excel for'], 'Amelia')
  await expect(page.getByLabel('Amount due')).toContainText('£88.00')
  await expect(page.getByText('Sandbox test cards — click to fill')).toBeVisible()
  await enterCard(page, '4242 4242 4242 4242')
  await page.screenshot({ path: testInfo.outputPath('checkout.png') })
  await page.getByRole('button', { name: /^Pay/ }).click()
  const receipt = page.getByRole('article', { name: 'Receipt' })
  await expect(receipt).toBeVisible()
  await expect(receipt).toContainText(`Receipt for order #${orderId}`)
  await expect(receipt).toContainText('Paid by Card')
  await expect(receipt.getByRole('list', { name: 'New courses' }).getByRole('listitem')).toHaveText(['Bookkeeping Basics', 'Excel for Small Business'])
  await expect(page.getByRole('list', { name: 'Payment status' })).toContainText('Payment succeeded')
  await page.screenshot({ path: testInfo.outputPath('receipt.png') })
  const order = await orderFromApi(orderId)
  expect(order.status).toBe('successful')
  expect(order.ownership).toHaveLength(2)
  expect(errors).toEqual([])
})

test('a decline with 9995 says insufficient funds; a retry with 4242 on the same order succeeds', async ({ page }, testInfo) => {
  const errors = watchConsole(page)
  await page.goto(host.url)
  const orderId = await startSale(page, ['Photography'], 'Jonas')
  await enterCard(page, '4000 0000 0000 9995')
  await page.getByRole('button', { name: /^Pay/ }).click()
  await expect(page.getByRole('alert').filter({ hasText: /insufficient funds/i }).first()).toBeVisible()
  await expect(page.getByRole('list', { name: 'Payment status' })).toContainText(/Insufficient funds/)
  await page.screenshot({ path: testInfo.outputPath('declined.png') })
  expect((await orderFromApi(orderId)).status).toBe('failed')
  await enterCard(page, '4242 4242 4242 4242')
  await page.getByRole('button', { name: /^Pay/ }).click()
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible()
  const order = await orderFromApi(orderId)
  expect(order.status).toBe('successful')
  expect(order.payments).toHaveLength(1)
  expect(errors.filter((e) => !/402/.test(e))).toEqual([])
})
