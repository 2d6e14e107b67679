import type { RunningHost } from './fixtures/browser-host'
import { expect, test } from './fixtures/test'
import { enterCard, startSale, watchConsole, screenshotThemes } from './fixtures/till-page'

// A fresh host per test comes from the fixture; the helpers below reach it through this binding.
let host: RunningHost
test.beforeEach(({ host: fresh }) => {
  host = fresh
})

interface OrderJson {
  status: string
  ownership: unknown[]
  payments: Array<{ id: number; status: string }>
  refunds: Array<{ amount: number; status: string; requestedBy: string }>
}

interface Envelope {
  ok: boolean
  value?: unknown
  error?: { code: string; message: string }
}

async function post(channel: string, input: unknown): Promise<{ status: number; body: Envelope }> {
  // As the cashier signed in at the till (fixtures/staff.ts): a cashier's refund needs a manager's approval.
  const body = { ...(input as object), staffToken: host.staff!.cashier.token }
  const response = await fetch(`${host.url}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...host.headers }, body: JSON.stringify(body) })
  return { status: response.status, body: (await response.json()) as Envelope }
}
const orderFromApi = async (orderId: number) => (await post('orders:get', { orderId })).body.value as OrderJson


test('a manager refunds part, then the rest, of a card order from its detail screen; the course goes away', async ({ page }, testInfo) => {
  const errors = watchConsole(page)
  const path = (name: string) => testInfo.outputPath(name)
  await page.goto(host.openUrl)
  const orderId = await startSale(page, ['Bookkeeping'], 'Amelia')
  await enterCard(page, '4242 4242 4242 4242')
  await page.getByRole('button', { name: /^Pay/ }).click()
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible()

  await page.goto(`${host.openUrl}#/orders/${orderId}`)
  const head = page.getByRole('region', { name: `Order #${orderId}` })
  await expect(head).toContainText('Paid')
  await expect(head.getByRole('link', { name: 'Amelia Hart' })).toHaveAttribute('href', '#/customers/1')
  const payments = page.getByRole('table', { name: 'Payments' })
  await expect(payments).toContainText(/pi_\w+/)
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Access granted: Bookkeeping Basics')
  await screenshotThemes(page, 'order-detail-paid', path)

  await page.getByRole('button', { name: /^Refund card payment/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Refund payment' })
  const amount = dialog.getByLabel('Amount (GBP)')
  // Never prefilled: one Enter must not refund everything.
  await expect(amount).toHaveValue('')
  await dialog.getByRole('button', { name: 'Fill in all that is left (£49.00)' }).click()
  await expect(amount).toHaveValue('49.00')
  await amount.fill('60')
  await dialog.getByRole('button', { name: 'Refund £60.00' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('At most £49.00 can be refunded on this payment')
  await amount.fill('10.00')
  await dialog.getByLabel('Reason').selectOption('duplicate')
  await dialog.getByLabel('Note (optional)').fill('Charged twice at the desk')
  await screenshotThemes(page, 'refund-dialog', path)
  await dialog.getByRole('button', { name: 'Refund £10.00' }).click()

  // The cashier at the till: the owner approves on the spot with their own PIN.
  const pin = page.getByRole('dialog', { name: 'Manager approval' })
  await expect(pin.getByLabel('Approved by')).toHaveValue(String(host.staff!.owner.person.id))
  await pin.getByLabel('PIN', { exact: true }).fill('2468')
  await screenshotThemes(page, 'refund-pin', path)
  await pin.getByRole('button', { name: 'Approve' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Refunded £10.00' })).toBeVisible()
  await expect(dialog).toBeHidden()
  const refunds = page.getByRole('table', { name: 'Refunds' })
  await expect(refunds).toContainText('£10.00')
  await expect(refunds).toContainText('Duplicate payment')
  await expect(refunds).toContainText('Charged twice at the desk')
  await expect(refunds).toContainText('Manager')
  await expect(refunds).toContainText(/re_\w+/)
  await expect(head).toContainText('Part refunded')
  await expect(page.getByRole('button', { name: 'Revoke Bookkeeping Basics' })).toBeVisible()

  // The approval ends behind the screen's back (the owner's PIN is reset elsewhere): the refund asks again.
  const owner = host.staff!.owner
  expect((await post('staff:resetPin', { staffId: owner.person.id, pin: '2468', managerToken: owner.token })).status).toBe(200)
  await page.getByRole('button', { name: /^Refund card payment/ }).click()
  await expect(amount).toHaveValue('')
  await amount.fill('20')
  await dialog.getByRole('button', { name: 'Refund £20.00' }).click()
  await pin.getByLabel('PIN', { exact: true }).fill('2468')
  await pin.getByRole('button', { name: 'Approve' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Refunded £20.00' })).toBeVisible()
  await expect(head).toContainText('Part refunded')

  // The rest: the default is what is left, and the session is open again (no PIN asked).
  await page.getByRole('button', { name: /^Refund card payment/ }).click()
  await dialog.getByRole('button', { name: 'Fill in all that is left (£19.00)' }).click()
  await expect(amount).toHaveValue('19.00')
  // A double click sends at most one request, and the request key would make a second one a no-op anyway.
  await dialog.getByRole('button', { name: 'Refund £19.00' }).dblclick()
  await expect(page.getByRole('status').filter({ hasText: 'Refunded £19.00' })).toBeVisible()
  await expect(head).toContainText('Refunded')
  await expect(head).not.toContainText('Part refunded')
  await expect(page.getByRole('button', { name: /^Refund card payment/ })).toHaveCount(0)
  await expect(page.getByRole('table', { name: 'Courses' })).toContainText('Revoked (refunded)')
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Access revoked: Bookkeeping Basics')
  await screenshotThemes(page, 'order-detail-refunded', path)

  const order = await orderFromApi(orderId)
  expect(order.status).toBe('refunded')
  expect(order.ownership).toEqual([])
  expect(order.refunds.map((r) => [r.amount, r.status, r.requestedBy])).toEqual([
    [1000, 'succeeded', 'manager'],
    [2000, 'succeeded', 'manager'],
    [1900, 'succeeded', 'manager'],
  ])
  await page.getByRole('button', { name: 'Reprint receipt' }).click()
  await expect(page.getByRole('article', { name: 'Receipt' })).toContainText(`Receipt for order #${orderId}`)
  await screenshotThemes(page, 'order-receipt', path)
  // Chromium logs the one refused call of the ended session (403); that refusal is what this test provokes.
  expect(errors.filter((e) => !/status of 403/.test(e))).toEqual([])
  expect(errors.filter((e) => /status of 403/.test(e))).toHaveLength(1)
})

test('without the manager PIN a refund is refused and nothing changes, in the screen as in the API; with it a course is revoked', async ({ page }, testInfo) => {
  const errors = watchConsole(page)
  const created = (await post('orders:create', { accountId: 2, courseIds: [1] })).body.value as { id: number }
  await post('orders:recordCash', { orderId: created.id, tendered: 5000 })
  const before = await orderFromApi(created.id)
  expect(before.status).toBe('successful')

  await page.goto(`${host.openUrl}#/orders/${created.id}`)
  await page.getByRole('button', { name: /^Refund cash payment/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Refund payment' })
  await dialog.getByRole('button', { name: /^Fill in all that is left/ }).click()
  await dialog.getByRole('button', { name: 'Refund £49.00' }).click()
  const pin = page.getByRole('dialog', { name: 'Manager approval' })
  await expect(pin).toBeVisible()
  await pin.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('alert').filter({ hasText: 'Refund not made' })).toContainText('needs the manager PIN')
  await expect(dialog).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('refund-refused.png') })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('table', { name: 'Refunds' })).toHaveCount(0)
  expect(await orderFromApi(created.id)).toEqual(before)

  // The API says the same to anyone who skips the screen.
  const paymentId = before.payments[0]!.id
  for (const managerToken of [undefined, 'f'.repeat(64)]) {
    const refused = await post('payments:refund', { paymentId, amount: 100, reason: 'duplicate', managerToken })
    expect(refused.status).toBe(403)
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'manager_required', message: expect.stringMatching(/manager PIN/) } })
  }
  expect(await orderFromApi(created.id)).toEqual(before)

  // Revoking a course by hand: a reason is required, then the manager PIN.
  await page.getByRole('button', { name: 'Revoke Bookkeeping Basics' }).click()
  const revoke = page.getByRole('dialog', { name: 'Revoke course access' })
  await revoke.getByRole('button', { name: 'Revoke access' }).click()
  await expect(revoke.getByRole('alert')).toContainText('Say why')
  await revoke.getByLabel('Reason').fill('Chargeback from the bank')
  await page.screenshot({ path: testInfo.outputPath('revoke-dialog-light.png') })
  await revoke.getByRole('button', { name: 'Revoke access' }).click()
  await expect(pin).toBeVisible()
  await pin.getByLabel('PIN', { exact: true }).fill('2468')
  await pin.getByRole('button', { name: 'Approve' }).click()
  await expect(page.getByRole('status').filter({ hasText: '"Bookkeeping Basics" revoked' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Courses' })).toContainText('Revoked')
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Chargeback from the bank')
  const after = await orderFromApi(created.id)
  expect(after.ownership).toEqual([])
  expect(after.status).toBe('successful')
  await page.getByLabel('Theme').selectOption('dark')
  await page.screenshot({ path: testInfo.outputPath('order-detail-revoked-dark.png') })
  expect(errors).toEqual([])
})

test('a manager refunds one course of a two-course order: exactly its price goes back and only that course is revoked', async ({ page }) => {
  const created = (await post('orders:create', { accountId: 3, courseIds: [1, 2] })).body.value as { id: number }
  await post('orders:recordCash', { orderId: created.id, tendered: 8800 })
  await page.goto(`${host.openUrl}#/orders/${created.id}`)
  const courses = page.getByRole('table', { name: 'Courses' })
  await courses.getByRole('button', { name: 'Refund Excel for Small Business' }).click()
  const dialog = page.getByRole('dialog', { name: 'Refund a course' })
  await dialog.getByRole('button', { name: 'Refund £39.00 and revoke' }).click()
  const pin = page.getByRole('dialog', { name: 'Manager approval' })
  await pin.getByLabel('PIN', { exact: true }).fill('2468')
  await pin.getByRole('button', { name: 'Approve' }).click()
  await expect(dialog).toBeHidden()
  await expect(courses.getByRole('row', { name: /Excel for Small Business/ })).toContainText('Revoked (refunded)')
  await expect(courses.getByRole('row', { name: /Bookkeeping Basics/ })).toContainText('Granted')
  await expect(courses.getByRole('button', { name: 'Refund Excel for Small Business' })).toHaveCount(0)
  await expect(page.getByRole('list', { name: 'History' })).toContainText('Course refunded: Excel for Small Business')
  const order = await orderFromApi(created.id)
  expect(order.refunds.map((r) => r.amount)).toEqual([3900])
  expect((order.ownership as Array<{ courseId: number }>).map((o) => o.courseId)).toEqual([1])
  expect(order.status).toBe('partially_refunded')
})
