import { expect, test } from './fixtures/test'
import { lookAt } from './fixtures/look'
import { enterCard, startSale, watchConsole } from './fixtures/till-page'

// Receipts: the shop's address and tax id from Settings on every receipt, who served, "Emailed to" when Stripe sends
// the card receipt, and the 80 mm receipt-printer layout beside A4/PDF.
test('a card receipt prints the address, tax id, who served and where Stripe emailed it, on A4 or an 80 mm roll', async ({ page, host }, testInfo) => {
  test.setTimeout(240_000)
  const path = (file: string) => testInfo.outputPath(file)
  const errors = watchConsole(page)
  await page.goto(host.openUrl)

  await page.goto(`${host.url}/#/settings`)
  const form = page.getByRole('form', { name: 'Address and tax id' })
  await form.getByLabel('Shop address').fill('12 Market Street\nLeeds LS1 6DT\nUnited Kingdom')
  await form.getByLabel('Tax id (VAT number)').fill('GB#1')
  await form.getByRole('button', { name: 'Save address and tax id' }).click()
  await expect(form.getByRole('alert')).toContainText('Letters and digits')
  await form.getByLabel('Tax id (VAT number)').fill('GB 123 4567 89')
  await form.getByRole('button', { name: 'Save address and tax id' }).click()
  const approval = page.getByRole('dialog', { name: 'Manager approval' })
  await approval.getByLabel('PIN', { exact: true }).fill('2468')
  await approval.getByRole('button', { name: 'Approve' }).click()
  await expect(page.getByText('Every receipt now prints the address and tax id.')).toBeVisible()
  await lookAt(page, 'settings-receipt-details', path, form)

  await page.goto(`${host.url}/#/sell`)
  await startSale(page, ['Excel'], 'Amelia')
  await enterCard(page, '4242 4242 4242 4242')
  await page.getByRole('button', { name: /^Pay/ }).click()
  const receipt = page.getByRole('article', { name: 'Receipt' })
  await expect(receipt).toBeVisible()
  await expect(receipt.getByRole('group', { name: 'Shop address' }).or(receipt.getByLabel('Shop address'))).toHaveText(/12 Market Street\s*Leeds LS1 6DT\s*United Kingdom/)
  await expect(receipt).toContainText('Tax id GB 123 4567 89')
  await expect(receipt).toContainText('Served by Casey Cashier')
  await expect(receipt).toContainText('Emailed to amelia.hart@example.com')
  await lookAt(page, 'receipt-a4', path, receipt)

  // The layout for the printer: A4 is the page's width, the roll 72 mm printable (272 CSS px); the choice is kept.
  const printedWidth = async () => {
    await page.emulateMedia({ media: 'print' })
    const box = await receipt.boundingBox()
    await page.emulateMedia({ media: 'screen' })
    return box!.width
  }
  expect(await printedWidth()).toBeGreaterThan(400)
  await receipt.getByLabel('Paper').selectOption('80mm')
  expect(Math.round(await printedWidth())).toBe(272)
  await page.reload()
  await expect(receipt.getByLabel('Paper')).toHaveValue('80mm')
  await lookAt(page, 'receipt-80mm', path, receipt)
  await page.emulateMedia({ media: 'print' })
  await page.screenshot({ path: path('receipt-80mm-print.png'), fullPage: true })
  await page.emulateMedia({ media: 'screen' })
  expect(errors.filter((e) => !/status of (400|403|409)/.test(e))).toEqual([])
})
