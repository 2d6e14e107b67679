import { expect, test } from './fixtures/test'
import { lookAt } from './fixtures/look'
import { startSale, watchConsole } from './fixtures/till-page'

// Discounts after the first one: the limit set in Settings (a manager approves), a discount taken back off before
// payment, and the discounts of paid sales in Reports.
test('the discount limit in Settings, a discount removed before payment, and discounts in Reports', async ({ page, host }, testInfo) => {
  test.setTimeout(240_000)
  const path = (file: string) => testInfo.outputPath(file)
  const errors = watchConsole(page)
  await page.goto(host.openUrl)

  // Settings: the cashier types a new limit; bad input is refused in place, a good one needs the owner's PIN.
  await page.goto(`${host.url}/#/settings`)
  const limit = page.getByLabel('Largest discount without a manager (%)')
  await expect(limit).toHaveValue('10')
  await limit.fill('101')
  await page.getByRole('button', { name: 'Save discount limit' }).click()
  await expect(page.getByRole('form', { name: 'Discount limit' })).toContainText('At most 100 %')
  await limit.fill('15')
  await page.getByRole('button', { name: 'Save discount limit' }).click()
  const approval = page.getByRole('dialog', { name: 'Manager approval' })
  await approval.getByLabel('PIN', { exact: true }).fill('2468')
  await approval.getByRole('button', { name: 'Approve' }).click()
  await expect(page.getByText('Discounts above 15 % of an order\'s price need a manager.')).toBeVisible()
  await page.reload()
  await expect(page.getByLabel('Largest discount without a manager (%)')).toHaveValue('15')
  await lookAt(page, 'settings-discount-limit', path, page.getByRole('form', { name: 'Discount limit' }))

  // 15 % is now the cashier's own to give; then it is taken back off, and 12 % given instead.
  await page.goto(`${host.url}/#/sell`)
  const orderId = await startSale(page, ['Book'], 'Amelia')
  // Over the limit the API refuses a cashier as the UI does (403), and the UI asks for a manager; canceling leaves it.
  const overLimit = await fetch(`${host.url}/api/orders:discount`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...host.headers },
    body: JSON.stringify({ orderId, courseId: null, kind: 'percent', value: 2_000, reason: 'Too much', staffToken: host.staff!.cashier.token }),
  })
  expect(overLimit.status).toBe(403)
  expect(await overLimit.json()).toMatchObject({ ok: false, error: { code: 'manager_required', message: expect.stringMatching(/above 15 %/) } })
  await page.getByRole('button', { name: 'Add discount' }).click()
  const tooMuch = page.getByRole('dialog', { name: 'Discount' })
  await tooMuch.getByLabel('Percent off').fill('20')
  await tooMuch.getByLabel('Reason').fill('Too much')
  await tooMuch.getByRole('button', { name: 'Apply discount' }).click()
  await page.getByRole('dialog', { name: 'Manager approval' }).getByRole('button', { name: 'Cancel' }).click()
  await expect(tooMuch.getByRole('alert')).toContainText('needs a manager’s approval')
  await tooMuch.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByLabel('Amount due')).toContainText('£49.00')
  const give = async (percent: string, reason: string) => {
    await page.getByRole('button', { name: 'Add discount' }).click()
    const dialog = page.getByRole('dialog', { name: 'Discount' })
    await dialog.getByLabel('Percent off').fill(percent)
    await dialog.getByLabel('Reason').fill(reason)
    await dialog.getByRole('button', { name: 'Apply discount' }).click()
    await expect(dialog).toBeHidden()
  }
  await give('15', 'Staff friend')
  const items = page.getByRole('list', { name: 'Items' })
  await expect(items).toContainText('Discount: Staff friend')
  await expect(page.getByLabel('Amount due')).toContainText('£41.65')
  await lookAt(page, 'checkout-discount', path)
  await items.getByRole('button', { name: 'Remove discount' }).click()
  await expect(items).not.toContainText('Staff friend')
  await expect(page.getByLabel('Amount due')).toContainText('£49.00')
  await give('12', 'Returning customer')
  await expect(page.getByLabel('Amount due')).toContainText('£43.12')
  await page.getByLabel(/Cash handed over/).fill('43.12')
  await page.getByLabel(/Cash handed over/).press('Enter')
  await expect(page.getByRole('article', { name: 'Receipt' })).toContainText('Discount: Returning customer')
  // Paid: the discount can no longer come off.
  await expect(page.getByRole('button', { name: /^Remove discount/ })).toHaveCount(0)

  // Reports: the paid sale's discount, per currency.
  await page.goto(`${host.url}/#/reports`)
  const discounts = page.getByRole('table', { name: 'Discounts' })
  await expect(discounts.getByRole('row', { name: /GBP/ })).toContainText('£5.88')
  await expect(discounts.getByRole('row', { name: /GBP/ })).toContainText('1')
  await lookAt(page, 'reports-discounts', path, discounts)
  expect(errors.filter((e) => !/status of (400|403|409)/.test(e))).toEqual([])
})
