import type { RunningHost } from './fixtures/browser-host'
import { lookAt } from './fixtures/look'
import { apiCall, expect, test } from './fixtures/test'
import { watchConsole } from './fixtures/till-page'
import { useTwoShopHosts } from './fixtures/shop-hosts'

// Orders across the shop (issue 16): on till B the manager chooses whose orders the grid lists — this till's, all
// tills', or till A's — and A's orders are rows of the same grid, marked with A's till, in the totals, opening A's
// read-only copy. Both sizes, both themes, axe.
const shop = useTwoShopHosts()

async function cashSale(host: RunningHost, accountId: number, courseId: number) {
  const sale = await apiCall<{ id: number; amount: number; currency: string }>(host, 'orders:create', { accountId, courseIds: [courseId] })
  await apiCall(host, 'orders:recordCash', { orderId: sale.id, tendered: sale.amount })
  return sale
}

test("the Orders grid lists another till's orders and every till's, marked with their till, in the totals", async ({ page }, testInfo) => {
  const errors = watchConsole(page)
  const a = await apiCall<{ installationId: string }>(shop.a, 'app:info')
  const mark = `Till ${a.installationId.slice(0, 8)}`
  const yen = await apiCall<Array<{ id: number; currency: string }>>(shop.a, 'catalog:list', {}).then((courses) => courses.find((c) => c.currency === 'JPY')!)
  const fromA = [await cashSale(shop.a, 1, 1), await cashSale(shop.a, 2, yen.id)]
  const ownSale = await cashSale(shop.b, 3, 1)

  await page.goto(`${shop.b.openUrl}#/orders`)
  const grid = page.getByRole('grid', { name: 'Orders' })
  const till = page.getByLabel('Till', { exact: true })
  // This till's own list first: A's orders are not in it.
  await expect(grid.getByRole('row', { name: new RegExp(`^Order ${ownSale.id},`) })).toBeVisible()
  await expect(grid.getByRole('row', { name: new RegExp(`at ${mark}`) })).toHaveCount(0)
  // Once B has pulled A's orders, A is a choice of its own; All tills lists both.
  await expect(till.locator('option', { hasText: mark })).toHaveCount(1, { timeout: 20_000 })
  await till.selectOption({ label: 'All tills' })
  for (const sale of fromA) await expect(grid.getByRole('row', { name: new RegExp(`^Order ${sale.id} at ${mark},`) })).toBeVisible()
  await expect(grid.getByRole('row', { name: new RegExp(`^Order ${ownSale.id},`) })).toBeVisible()
  const totals = page.getByRole('list', { name: 'Totals for the filtered orders' })
  await expect(totals.getByRole('listitem', { name: 'JPY totals' })).toContainText('1 order')
  await lookAt(page, 'orders-all-tills', (file) => testInfo.outputPath(file), grid)

  // Only A's: B's own sale leaves the list, and the choice survives a reload (it is in the address).
  await till.selectOption(a.installationId)
  await expect(grid.getByRole('row', { name: new RegExp(`^Order ${ownSale.id},`) })).toHaveCount(0)
  await page.reload()
  await expect(page.getByLabel('Till', { exact: true })).toHaveValue(a.installationId)
  await expect(grid.getByRole('row', { name: new RegExp(`at ${mark}`) })).toHaveCount(2)
  await expect(totals.getByRole('listitem', { name: 'JPY totals' })).toContainText('1 order')

  // A's order opens A's read-only copy, not B's order with the same number.
  await grid.getByRole('row', { name: new RegExp(`^Order ${fromA[1]!.id} at ${mark},`) }).click()
  await expect(page).toHaveURL(new RegExp(`#/orders/till/${a.installationId}/${fromA[1]!.id}$`))
  expect(errors).toEqual([])
})
