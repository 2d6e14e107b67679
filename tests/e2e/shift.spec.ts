import type { Page } from '@playwright/test'
import { startBrowserHost, type RunningHost } from './fixtures/browser-host'
import { expect, test } from './fixtures/test'
import { startSale, watchConsole } from './fixtures/till-page'
import { seriousViolations } from './fixtures/look'

// A whole day on a fresh till: the owner sets up, adds a cashier, the cashier opens the drawer, sells for cash in
// GBP and JPY, refunds cash (the owner approves on the spot), pays out, reads the X report, and closes with a count.
let host: RunningHost
test.beforeEach(async () => {
  host = await startBrowserHost({}, { staff: false })
})
test.afterEach(async () => {
  await host.stop()
})

/** axe in both themes, and screenshots at both till sizes for a person to look at. */
async function look(page: Page, name: string, path: (file: string) => string) {
  const picker = page.getByLabel('Theme')
  for (const theme of ['light', 'dark'] as const) {
    // Before sign-in there is no theme picker: those screens follow the system (light here).
    if (theme === 'dark' && !(await picker.isVisible())) continue
    if (await picker.isVisible()) await picker.selectOption(theme)
    expect(await seriousViolations(page), `${name} ${theme}`).toEqual([])
    for (const size of [{ width: 1366, height: 800 }, { width: 1024, height: 640 }]) {
      await page.setViewportSize(size)
      await page.screenshot({ path: path(`${name}-${size.width}-${theme}.png`), fullPage: true })
    }
  }
  if (await picker.isVisible()) await picker.selectOption('light')
}

async function payCash(page: Page, amount: string) {
  await page.getByLabel(/Cash handed over/).fill(amount)
  await page.getByLabel(/Cash handed over/).press('Enter')
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible()
  await page.getByRole('button', { name: 'New sale' }).click()
}

test('a whole shift: owner setup, a cashier signs in, opens the drawer, sells, refunds with approval, pays out and closes', async ({ page }, testInfo) => {
  test.setTimeout(300_000)
  const path = (file: string) => testInfo.outputPath(file)
  const errors = watchConsole(page)
  await page.goto(host.openUrl)

  // First run: nothing but the owner's setup.
  await expect(page.getByRole('heading', { name: 'Set up CourseTill' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0)
  await look(page, 'owner-setup', path)
  await page.getByRole('button', { name: 'Create owner and start' }).click()
  await expect(page.getByRole('alert')).toContainText('Your name is needed')
  await page.getByLabel('Your name').fill('Olivia Owner')
  for (const digit of '2468') await page.getByRole('group', { name: 'PIN keypad' }).getByRole('button', { name: digit, exact: true }).click()
  await page.getByLabel('Repeat PIN').fill('2468')
  await page.getByRole('button', { name: 'Create owner and start' }).click()
  await expect(page.getByLabel('Signed in')).toHaveText('Olivia Owner · Owner')

  // The owner adds a cashier, then hands over the till.
  await page.getByRole('link', { name: 'Staff' }).click()
  const add = page.getByRole('form', { name: 'Add a person' })
  await add.getByLabel('Name').fill('Casey Cashier')
  await add.getByLabel('Their PIN').fill('1357')
  await add.getByRole('button', { name: 'Add' }).click()
  await expect(page.getByRole('table', { name: 'People' })).toContainText('Casey Cashier')
  await look(page, 'staff', path)
  await page.getByRole('button', { name: 'Switch person' }).click()
  await expect(page.getByRole('heading', { name: /who is at the till/ })).toBeVisible()
  await page.getByRole('button', { name: /Casey Cashier/ }).click()
  await page.getByLabel("Casey Cashier's PIN", { exact: true }).fill('9999')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('alert')).toHaveText('Wrong PIN')
  await look(page, 'sign-in', path)
  await page.getByLabel("Casey Cashier's PIN", { exact: true }).fill('1357')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByLabel('Signed in')).toHaveText('Casey Cashier · Cashier')

  // No drawer yet: cash is refused with the reason.
  await page.getByRole('link', { name: 'Sell' }).click()
  await startSale(page, ['Bookkeeping'], 'Amelia')
  await page.getByLabel(/Cash handed over/).fill('50')
  await page.getByLabel(/Cash handed over/).press('Enter')
  await expect(page.getByText(/Open a shift first/)).toBeVisible()

  // Open the drawer: £100.00 and ¥5,000.
  await page.getByRole('link', { name: 'Shift' }).click()
  await page.getByLabel('Float (GBP)').fill('100')
  await page.getByLabel('Float (JPY)').fill('5000')
  await page.getByRole('button', { name: 'Open shift' }).click()
  await expect(page.getByRole('heading', { name: /^Shift #1 is open/ })).toBeVisible()

  // The waiting order is paid, and a yen sale.
  await page.goto(`${host.url}/#/sell/order/1`)
  await payCash(page, '50')
  // The yen sale gets 5 % off (within the 10 % limit: no approval needed), as its own line.
  await startSale(page, ['Shod'], 'Amelia')
  await page.getByRole('button', { name: 'Add discount' }).click()
  const discount = page.getByRole('dialog', { name: 'Discount' })
  await discount.getByLabel('Percent off').fill('5')
  await discount.getByRole('button', { name: 'Apply discount' }).click()
  await expect(discount.getByRole('alert')).toHaveText('Say why: the reason is kept with the sale')
  await discount.getByLabel('Reason').fill('Loyal customer')
  await discount.getByRole('button', { name: 'Apply discount' }).click()
  await expect(page.getByRole('list', { name: 'Items' })).toContainText('Discount: Loyal customer')
  await expect(page.getByLabel('Amount due')).toContainText('¥6,460')
  await page.getByLabel(/Cash handed over/).fill('10000')
  await page.getByLabel(/Cash handed over/).press('Enter')
  const receipt = page.getByRole('article', { name: 'Receipt' })
  await expect(receipt).toContainText('Discount: Loyal customer')
  await expect(receipt).toContainText('Served by Casey Cashier')
  await page.getByRole('button', { name: 'New sale' }).click()

  // A cash refund of £10.00: the cashier asks, the owner approves on the spot.
  await page.goto(`${host.url}/#/orders/1`)
  await page.getByRole('button', { name: /^Refund cash payment/ }).click()
  const refund = page.getByRole('dialog', { name: 'Refund payment' })
  await refund.getByLabel('Amount (GBP)').fill('10')
  await refund.getByRole('button', { name: 'Refund £10.00' }).click()
  const approval = page.getByRole('dialog', { name: 'Manager approval' })
  await expect(approval.getByLabel('Approved by')).toContainText('Olivia Owner (Owner)')
  await approval.getByLabel('PIN', { exact: true }).fill('2468')
  await approval.getByRole('button', { name: 'Approve' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Refunded £10.00' })).toBeVisible()
  // The approval is not kept for what comes next.
  await page.getByRole('button', { name: /Manager — lock/ }).click()

  // A paid-out with its reason, then the X report.
  await page.getByRole('link', { name: 'Shift' }).click()
  const move = page.getByRole('form', { name: 'Paid in or out' })
  await move.getByLabel('Currency').selectOption('GBP')
  await move.getByLabel('Amount').fill('500')
  await move.getByLabel('Reason').fill('Milk for the kitchen')
  await move.getByRole('button', { name: 'Record' }).click()
  await expect(move.getByRole('alert')).toHaveText('The drawer should hold only £139.00: it cannot pay out more')
  await move.getByLabel('Reason').fill('')
  await move.getByLabel('Amount').fill('5')
  await move.getByRole('button', { name: 'Record' }).click()
  await expect(move.getByRole('alert')).toHaveText('Say what the cash was for')
  await move.getByLabel('Reason').fill('Milk for the kitchen')
  await move.getByRole('button', { name: 'Record' }).click()
  const x = page.getByRole('article', { name: 'X report — shift #1' })
  const drawer = x.getByRole('table', { name: 'Drawer' })
  await expect(drawer.getByRole('row', { name: /^GBP/ })).toContainText('£134.00') // 100 + 49 − 10 − 5
  await expect(drawer.getByRole('row', { name: /^JPY/ })).toContainText('¥11,460') // 5,000 + 6,800 − 340
  await look(page, 'shift-x-report', path)

  // Close: count each currency (£1 short), the owner approves, the Z report is saved.
  await page.getByLabel('Counted (GBP)').fill('133')
  await page.getByLabel('Counted (JPY)').fill('11460')
  await page.getByRole('button', { name: 'Close shift' }).click()
  await approval.getByLabel('PIN', { exact: true }).fill('2468')
  await approval.getByRole('button', { name: 'Approve' }).click()
  const z = page.getByRole('article', { name: 'Z report — shift #1' })
  await expect(z).toBeVisible()
  const gbp = z.getByRole('table', { name: 'Drawer' }).getByRole('row', { name: /^GBP/ })
  await expect(gbp).toContainText('£134.00')
  await expect(gbp).toContainText('£133.00')
  await expect(gbp).toContainText('−£1.00')
  await expect(z.getByRole('list', { name: 'By person' })).toContainText('Casey Cashier')
  await expect(z.getByRole('list', { name: 'Paid in and out' })).toContainText('Milk for the kitchen')
  await expect(z).toContainText('Discounts: 1 × JP¥340')
  await expect(page.getByRole('heading', { name: 'Open a shift' })).toBeVisible()
  await look(page, 'shift-z-report', path)
  // The saved report reads back the same from the closed shifts.
  await page.getByRole('button', { name: 'Z report #1' }).click()
  await expect(z.getByRole('table', { name: 'Drawer' }).getByRole('row', { name: /^GBP/ })).toContainText('−£1.00')

  // Chromium logs the refusals this test provokes: the wrong PIN (403), cash before the drawer was open (409) and
  // the paid-out larger than the drawer (400); nothing else.
  expect(errors.filter((e) => !/status of (400|403|409)/.test(e))).toEqual([])
  expect(errors).toHaveLength(3)
})
