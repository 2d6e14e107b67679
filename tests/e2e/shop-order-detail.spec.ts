import { lookAt } from './fixtures/look'
import { apiCall, expect, test } from './fixtures/test'
import { sandboxSecretKey } from './fixtures/sandbox-key'
import { watchConsole } from './fixtures/till-page'
import { useTwoShopHosts } from './fixtures/shop-hosts'

// Two tills on one shop database: at till B a manager opens till A's order from the Orders grid (Till: A), reads its
// lines, payments and refund (read-only, with how fresh the copy is), goes to the customer and finds the order
// there too, with the money at other tills apart from B's own. Both sizes, both themes, axe.
const shop = useTwoShopHosts()

test("another till's order opens read-only from the Orders grid, and shows on the customer's page", async ({ page }, testInfo) => {
  const errors = watchConsole(page)
  const path = (file: string) => testInfo.outputPath(file)
  const a = await apiCall<{ installationId: string }>(shop.a, 'app:info')
  const till = `Till ${a.installationId.slice(0, 8)}`
  // At A: twenty orders Fatima left unpaid earlier (so her page lists only the latest 20 of her orders there)…
  for (let n = 0; n < 20; n++) await apiCall(shop.a, 'orders:create', { accountId: 4, courseIds: [12] })
  // …then she buys a KWD course (three decimals), part cash, the rest by card; a manager refunds 1.000 KWD of the cash.
  const sale = await apiCall<{ id: number; amount: number }>(shop.a, 'orders:create', { accountId: 4, courseIds: [11] })
  const cash = await apiCall<{ payments: Array<{ id: number }> }>(shop.a, 'orders:recordCash', { orderId: sale.id, tendered: 5120 })
  const checkout = await apiCall<{ paymentIntentId: string }>(shop.a, 'payments:startCard', { orderId: sale.id })
  const { stripe } = await apiCall<{ stripe: { sandboxApiUrl: string } }>(shop.a, 'app:info')
  const confirmed = await fetch(`${stripe.sandboxApiUrl}/v1/payment_intents/${checkout.paymentIntentId}/confirm`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${sandboxSecretKey(shop.a)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'payment_method=pm_card_visa',
  })
  expect(confirmed.status).toBe(200)
  await expect.poll(async () => (await apiCall<{ status: string }>(shop.a, 'orders:get', { orderId: sale.id })).status, { timeout: 20_000 }).toBe('successful')
  await apiCall(shop.a, 'payments:refund', { paymentId: cash.payments[0]!.id, amount: 1000, reason: 'requested_by_customer', managerToken: shop.a.staff!.owner.token })

  await page.goto(`${shop.b.openUrl}#/orders`)
  // Orders → Till: A's orders, once B has pulled them; A's sale is a row of the grid, marked with A's till.
  const tillChoice = page.getByLabel('Till', { exact: true })
  await expect(tillChoice.locator('option', { hasText: till })).toHaveCount(1, { timeout: 20_000 })
  await tillChoice.selectOption(a.installationId)
  const row = page.getByRole('grid', { name: 'Orders' }).getByRole('row', { name: new RegExp(`^Order ${sale.id} at ${till},`) })
  // The refund may reach B in a later pull than the sale: wait for the copy to say so (the grid offers a refresh).
  await expect
    .poll(
      async () => {
        const refresh = page.getByRole('button', { name: 'Orders changed — refresh' })
        if (await refresh.isVisible()) await refresh.click()
        return (await row.textContent()) ?? ''
      },
      { timeout: 20_000 },
    )
    .toContain('Part refunded')
  await row.getByRole('link', { name: `#${sale.id}` }).click()

  const heading = page.getByRole('heading', { level: 1, name: `Order #${sale.id} · ${till}` })
  await expect(heading).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`#/orders/till/${a.installationId}/${sale.id}$`))
  await expect(heading.locator('[title]')).toHaveAttribute('title', a.installationId)
  await expect(page.getByRole('status').filter({ hasText: 'From the shop history as of' })).toBeVisible()
  const courses = page.getByRole('table', { name: 'Courses' })
  await expect(courses).toContainText('ARC-100')
  await expect(courses).toContainText('KWD 15.000')
  const payments = page.getByRole('table', { name: 'Payments' })
  await expect(payments.getByRole('row', { name: /Cash KWD 5\.120 Succeeded/ })).toBeVisible()
  await expect(payments.getByRole('row', { name: /Card KWD 9\.880 Succeeded/ })).toBeVisible()
  await expect(payments.getByText(checkout.paymentIntentId)).toBeVisible()
  await expect(page.getByRole('table', { name: 'Refunds' }).getByRole('row', { name: /KWD 1\.000 to cash Succeeded/ })).toBeVisible()
  await expect(page.locator('.order-facts')).toContainText('KWD 1.000 refunded')
  await expect(page.getByText('Refunds and changes to this order are made at the till that took the payment')).toBeVisible()
  // Read-only: nothing here refunds, revokes or resumes.
  await expect(page.locator('main').getByRole('button', { name: /Refund|Revoke|Resume|Reprint/ })).toHaveCount(0)
  await lookAt(page, 'shop-order-detail', path)

  await page.getByRole('link', { name: 'Fatima Al-Sabah' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Fatima Al-Sabah' })).toBeVisible()
  const atOthers = page.getByRole('region', { name: 'Orders at other tills' })
  await expect(atOthers.getByRole('row', { name: new RegExp(`#${sale.id} ${till}`) })).toBeVisible()
  await expect(atOthers.getByRole('status')).toContainText('Showing the latest 20 of 21.')
  await expect(atOthers.getByRole('row')).toHaveCount(1 + 20)
  await expect(page.locator('.customer-head .order-facts')).toContainText('Spent at this till (net)')
  const othersTotal = page.locator('.customer-head .order-facts > div').filter({ hasText: 'Spent at other tills (net)' })
  await expect(othersTotal).toContainText('KWD 14.000')
  await expect(othersTotal).toContainText('KWD 1.000 refunded')
  await lookAt(page, 'shop-customer', path, atOthers)

  await atOthers.getByRole('link', { name: `#${sale.id}` }).click()
  await expect(heading).toBeVisible()
  await page.getByRole('link', { name: 'All orders' }).click()
  await expect(page).toHaveURL(/#\/orders$/)

  expect(errors).toEqual([])

  // An order B holds no copy of: a clear message and the way back (the API's 404 is the browser's only complaint).
  await page.goto(`${shop.b.openUrl}#/orders/till/${a.installationId}/987654`)
  await expect(page.getByText(`No order #987654 from ${till.toLowerCase()} is held here`)).toBeVisible()
  await expect(page.getByRole('link', { name: 'Back to all orders' })).toBeVisible()
  expect(errors).toEqual(['Failed to load resource: the server responded with a status of 404 (Not Found)'])
})
