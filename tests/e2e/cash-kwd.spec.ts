import type { OrderDetail } from '../../src/shared/domain'
import { apiCall, expect, test } from './fixtures/test'
import { enterCard, startSale, watchConsole } from './fixtures/till-page'

test('KWD: cash that would leave a rest no card can take is refused with what to take; a valid amount then pays by card', async ({ page, host }, testInfo) => {
  const errors = watchConsole(page)
  await page.goto(host.openUrl)
  const orderId = await startSale(page, ['Arabic Calligraphy'], 'Amelia')
  await expect(page.getByLabel('Amount due')).toContainText('15.000')
  const cash = page.getByLabel('Cash handed over (KWD)')
  await cash.fill('5.125')
  await page.getByRole('button', { name: 'Take cash' }).click()
  await expect(page.getByText('KWD card amounts must end in 0')).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('kwd-cash-refused.png') })
  expect((await apiCall<OrderDetail>(host, 'orders:get', { orderId })).payments.filter((p) => p.method === 'cash')).toEqual([])
  await cash.fill('5.120')
  await page.getByRole('button', { name: 'Take cash' }).click()
  await expect(page.getByLabel('Amount due')).toContainText('9.880')
  await expect(page.getByRole('button', { name: /^Pay/ })).toContainText('9.880')
  await enterCard(page, '4242 4242 4242 4242')
  await page.getByRole('button', { name: /^Pay/ }).click()
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible()
  const order = await apiCall<OrderDetail>(host, 'orders:get', { orderId })
  expect(order.status).toBe('successful')
  expect(order.payments.map((p) => [p.method, p.amountReceived]).sort()).toEqual([
    ['card', 9880],
    ['cash', 5120],
  ])
  // The one refusal is the API's 400 for the refused cash, which the browser logs as a failed request.
  expect(errors.filter((error) => !error.includes('status of 400'))).toEqual([])
  expect(errors.filter((error) => error.includes('status of 400'))).toHaveLength(1)
})

test('an order with cash taken can still be canceled: the button says what to hand back', async ({ page, host }) => {
  await page.goto(host.openUrl)
  const orderId = await startSale(page, ['Arabic Calligraphy'], 'Amelia')
  await page.getByLabel('Cash handed over (KWD)').fill('5.120')
  await page.getByRole('button', { name: 'Take cash' }).click()
  await expect(page.getByLabel('Amount due')).toContainText('9.880')
  await page.getByRole('button', { name: /^Cancel order, hand back KWD\s?5\.120/ }).click()
  await expect(page.getByRole('heading', { name: 'This order was canceled' })).toBeVisible()
  const order = await apiCall<OrderDetail>(host, 'orders:get', { orderId })
  expect(order.status).toBe('canceled')
  expect(order.payments.filter((p) => p.method === 'cash').map((p) => p.status)).toEqual(['canceled'])
})
