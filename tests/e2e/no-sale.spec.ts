import { expect, test } from './fixtures/test'
import { lookAt } from './fixtures/look'
import { watchConsole } from './fixtures/till-page'

// The drawer opened without a sale: the API refuses a cashier alone (403), the UI asks for a manager's PIN on the
// spot, and the X report (printable) lists the no-sale with both people.
test('a cashier opens the drawer without a sale with the owner’s approval; the X report lists it', async ({ page, host }, testInfo) => {
  test.setTimeout(180_000)
  const path = (file: string) => testInfo.outputPath(file)
  const errors = watchConsole(page)

  // The API refuses as the UI does: a cashier alone gets 403 manager_required, and nothing is recorded.
  const refused = await fetch(`${host.url}/api/shifts:noSale`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...host.headers },
    body: JSON.stringify({ reason: 'Change', staffToken: host.staff!.cashier.token }),
  })
  expect(refused.status).toBe(403)
  expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'manager_required' } })

  await page.goto(host.openUrl)
  await page.goto(`${host.url}/#/shift`)
  const noSale = page.getByRole('form', { name: 'No sale' })
  await noSale.getByRole('button', { name: 'Open drawer' }).click()
  await expect(noSale).toContainText('Say why the drawer is opened')
  await page.getByRole('button', { name: 'X report' }).click()
  const report = page.getByRole('article', { name: /^X report/ })
  await expect(report).toContainText('Drawer opened without a sale')
  await expect(report.getByRole('list', { name: 'Drawer opened without a sale' })).toHaveCount(0)

  await noSale.getByLabel('Why').fill('Change for a £20 note')
  await noSale.getByRole('button', { name: 'Open drawer' }).click()
  const approval = page.getByRole('dialog', { name: 'Manager approval' })
  await approval.getByLabel('PIN', { exact: true }).fill('2468')
  await approval.getByRole('button', { name: 'Approve' }).click()
  const listed = report.getByRole('list', { name: 'Drawer opened without a sale' })
  await expect(listed).toContainText('Change for a £20 note (Casey Cashier, approved by Olivia Owner')
  await expect(noSale.getByLabel('Why')).toHaveValue('')

  // The X report prints (the browser's print dialog is replaced by a counter here).
  await page.evaluate(() => {
    const w = globalThis as unknown as { print: () => void; printed: number }
    w.printed = 0
    w.print = () => void (w.printed += 1)
  })
  await report.getByRole('button', { name: 'Print' }).click()
  expect(await page.evaluate(() => (globalThis as unknown as { printed: number }).printed)).toBe(1)
  await lookAt(page, 'shift-no-sale', path, listed)
  expect(errors.filter((e) => !/status of (400|403|409)/.test(e))).toEqual([])
})
