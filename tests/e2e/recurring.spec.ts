import type { InstallmentPlan, Membership } from '../../src/shared/recurring'
import { apiCall, expect, test } from './fixtures/test'
import { enterCard, watchConsole } from './fixtures/till-page'

async function pickCustomer(page: import('@playwright/test').Page, name: string) {
  await page.getByLabel('Customer', { exact: true }).fill(name)
  await page.getByRole('listbox', { name: 'Matching customers' }).getByRole('option').first().click()
}

async function orderIdOnScreen(page: import('@playwright/test').Page): Promise<number> {
  const heading = page.getByRole('heading', { name: /^Order #\d+/ })
  await expect(heading).toBeVisible()
  return Number((await heading.textContent())!.replace(/\D/g, ''))
}

test('sells a membership and a payment plan at the till, and shows them on the customer', async ({ page, host }, testInfo) => {
  const errors = watchConsole(page)
  await page.goto(host.openUrl)
  await pickCustomer(page, 'Amelia')
  const memberships = page.getByRole('list', { name: 'Memberships' })
  const plan = memberships.getByRole('listitem').filter({ hasText: 'Small Business Membership' })
  await expect(plan).toContainText('£19.00 / month')
  await page.screenshot({ path: testInfo.outputPath('sell-recurring.png') })
  await plan.getByRole('button', { name: 'Sell membership' }).click()

  const membershipOrder = await orderIdOnScreen(page)
  await expect(page.getByText('Membership', { exact: true })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Cash' })).toHaveCount(0)
  await expect(page.getByLabel('Amount due')).toContainText('£19.00')
  await enterCard(page, '4242 4242 4242 4242')
  await page.getByRole('button', { name: /^Pay/ }).click()
  const receipt = page.getByRole('article', { name: 'Receipt' })
  await expect(receipt).toBeVisible()
  await expect(receipt.getByTestId('renewal-note')).toContainText(/Small Business Membership renews monthly on .+ for £19\.00/)
  await page.screenshot({ path: testInfo.outputPath('membership-receipt.png') })
  await expect
    .poll(async () => (await apiCall<Membership[]>(host, 'memberships:list', { accountId: 1 }))[0]?.status)
    .toBe('active')

  await page.getByRole('button', { name: 'New sale' }).click()
  await pickCustomer(page, 'Amelia')
  await page.getByRole('list', { name: 'Payment plans' }).getByRole('listitem').filter({ hasText: 'Digital Marketing Essentials' }).getByRole('button', { name: 'Sell in parts' }).click()
  const planOrder = await orderIdOnScreen(page)
  expect(planOrder).toBeGreaterThan(membershipOrder)
  await expect(page.getByText('Payment plan', { exact: true })).toBeVisible()
  await expect(page.getByLabel('Amount due')).toContainText('£26.34')
  await enterCard(page, '4242 4242 4242 4242')
  await page.getByRole('button', { name: /^Pay/ }).click()
  await expect(page.getByRole('article', { name: 'Receipt' }).getByRole('list', { name: 'New courses' })).toContainText('Digital Marketing Essentials')

  await page.goto(`${host.url}#/customers/1`)
  await expect(page.getByTestId(/^membership-/)).toContainText('active')
  const schedule = page.getByTestId(/^plan-/)
  await expect(schedule.getByRole('row')).toHaveCount(4)
  await expect(schedule.getByRole('button', { name: /Pay all/ })).toContainText('£52.66')
  await expect(schedule.getByRole('button', { name: /Pay past due/ })).toBeDisabled()
  await page.screenshot({ path: testInfo.outputPath('customer-recurring.png'), fullPage: true })
  const plans = await apiCall<InstallmentPlan[]>(host, 'installments:list', { accountId: 1 })
  expect(plans[0]).toMatchObject({ outstandingAmount: 5266, pastDueAmount: 0 })

  // Cancel now asks in the app's own dialog (no browser confirm), with the refund as a choice; Keep changes nothing.
  page.on('dialog', (dialog) => errors.push(`unexpected browser dialog: ${dialog.message()}`))
  const membershipRow = page.getByTestId(/^membership-/)
  await membershipRow.getByRole('button', { name: 'Cancel now…' }).click()
  const cancel = page.getByRole('dialog', { name: 'Cancel membership now' })
  await expect(cancel).toContainText('Small Business Membership ends now')
  await expect(cancel.getByRole('checkbox', { name: /refund the last paid period \(£19\.00\)/i })).not.toBeChecked()
  await page.screenshot({ path: testInfo.outputPath('cancel-now-dialog.png') })
  await cancel.getByRole('button', { name: 'Keep membership' }).click()
  await expect(cancel).toBeHidden()
  expect((await apiCall<Membership[]>(host, 'memberships:list', { accountId: 1 }))[0]?.status).toBe('active')
  await membershipRow.getByRole('button', { name: 'Cancel now…' }).click()
  await cancel.getByRole('checkbox', { name: /refund the last paid period/i }).check()
  await cancel.getByRole('button', { name: 'Cancel now', exact: true }).click()
  // The cashier is at the till: a manager approves on the spot.
  const pin = page.getByRole('dialog', { name: 'Manager approval' })
  await pin.getByLabel('PIN', { exact: true }).fill('2468')
  await pin.getByRole('button', { name: 'Approve' }).click()
  await expect(cancel).toBeHidden()
  await expect(membershipRow).toContainText('canceled')
  await expect.poll(async () => (await apiCall<{ status: string }>(host, 'orders:get', { orderId: membershipOrder })).status).toBe('refunded')
  expect(errors).toEqual([])
})
