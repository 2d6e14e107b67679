import type { RunningHost } from './fixtures/browser-host'
import { expect, test } from './fixtures/test'
import { startSale, watchConsole, screenshotThemes } from './fixtures/till-page'
import { seriousViolations } from './fixtures/look'

// A fresh host per test comes from the fixture; the helpers below reach it through this binding.
let host: RunningHost
test.beforeEach(({ host: fresh }) => {
  host = fresh
})

async function invoke<T>(channel: string, input: unknown): Promise<T> {
  const signedIn = { ...(input as object), staffToken: host.staff!.cashier.token }
  const response = await fetch(`${host.url}/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...host.headers }, body: JSON.stringify(signedIn) })
  const body = (await response.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`)
  return body.value
}

/** A cash sale through the API: the order, paid in full. */
async function cashSale(accountId: number, courseIds: number[]) {
  const order = await invoke<{ id: number; amount: number }>('orders:create', { accountId, courseIds })
  return invoke<{ id: number; payments: Array<{ id: number }> }>('orders:recordCash', { orderId: order.id, tendered: order.amount })
}

test('customer search finds a buyer; their page shows owned courses, money per currency and orders', async ({ page }, testInfo) => {
  const errors = watchConsole(page)
  const path = (name: string) => testInfo.outputPath(name)
  await cashSale(1, [1])
  const yen = await cashSale(1, [9])
  await cashSale(2, [2])
  // And one through the till's own screens, paid in cash.
  await page.goto(host.openUrl)
  const uiOrder = await startSale(page, ['Excel for'], 'Amelia')
  await page.getByLabel('Cash handed over (GBP)').fill('40')
  await page.getByRole('button', { name: 'Take cash' }).click()
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible()

  await page.getByRole('link', { name: 'Customers' }).click()
  const table = page.getByRole('table', { name: 'Customers' })
  await expect(table.getByRole('row', { name: /Amelia Hart/ })).toBeVisible()
  await screenshotThemes(page, 'customers-list', path)
  await page.getByLabel('Search customers').fill('AMEL')
  await expect(table.getByRole('link')).toHaveText(['Amelia Hart'])
  const row = table.getByRole('row', { name: /Amelia Hart/ })
  await expect(row).toContainText('3')
  await expect(row).toContainText('£88.00')
  await expect(row).toContainText('¥6,800')
  await page.getByLabel('Search customers').fill('example.de')
  await expect(table.getByRole('link')).toHaveText(['Jonas Becker'])
  await page.getByLabel('Search customers').fill('nobody-here')
  await expect(page.getByText('No customer matches "nobody-here"')).toBeVisible()
  await page.getByLabel('Search customers').fill('amelia')
  await table.getByRole('link', { name: 'Amelia Hart' }).click()

  await expect(page.getByRole('heading', { name: 'Amelia Hart' })).toBeVisible()
  const owned = page.getByRole('table', { name: 'Owned courses' })
  await expect(owned.getByRole('row')).toHaveCount(4)
  for (const title of ['Bookkeeping Basics', 'Japanese Calligraphy (Shodō)', 'Excel for Small Business']) await expect(owned).toContainText(title)
  const orders = page.getByRole('table', { name: 'Orders' })
  await expect(orders.getByRole('link')).toHaveText([`#${uiOrder}`, `#${yen.id}`, '#1'])
  // A till on its own (no shop mode): its money and orders are all the page shows, labelled as before.
  await expect(page.getByText('Spent (net)', { exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: /other tills/ })).toHaveCount(0)
  await screenshotThemes(page, 'customer-detail', path)
  // A sale made elsewhere (another window, the API) shows up on this page by itself.
  const later = await cashSale(1, [3])
  await expect(orders.getByRole('link')).toHaveText([`#${later.id}`, `#${uiOrder}`, `#${yen.id}`, '#1'])
  await expect(owned).toContainText('Digital Marketing Essentials')
  await orders.getByRole('link', { name: `#${yen.id}` }).click()
  await expect(page.getByRole('heading', { name: `Order #${yen.id}` })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Courses' })).toContainText('Japanese Calligraphy (Shodō)')
  expect(errors).toEqual([])
})

test('reports show the revenue of the sales just made, per currency, net of refunds, as chart and table', async ({ page }, testInfo) => {
  const errors = watchConsole(page)
  const path = (name: string) => testInfo.outputPath(name)
  await page.goto(`${host.openUrl}#/reports`)
  await expect(page.getByText(/^No sales from/)).toBeVisible()
  await screenshotThemes(page, 'reports-empty', path)

  const first = await cashSale(1, [1, 2])
  await cashSale(2, [1])
  await cashSale(3, [9])
  await cashSale(4, [11])
  const { token } = await invoke<{ token: string }>('staff:approve', { staffId: host.staff!.owner.person.id, pin: '2468' })
  await invoke('payments:refund', { paymentId: first.payments[0]!.id, amount: 1000, reason: 'requested_by_customer', managerToken: token })

  // The screen refreshes itself on the live events of those sales.
  const cards = page.getByRole('group', { name: 'Currency' })
  await expect(cards.getByRole('button')).toHaveCount(3)
  const gbp = cards.getByRole('button', { name: /^GBP/ })
  await expect(gbp).toContainText('£127.00')
  await expect(gbp).toContainText('Gross £137.00')
  await expect(gbp).toContainText('Refunds £10.00')
  await expect(cards.getByRole('button', { name: /^JPY/ })).toContainText('¥6,800')
  await expect(cards.getByRole('button', { name: /^KWD/ })).toContainText('KWD 15.000')
  const dayChart = page.getByRole('img', { name: /^Revenue per day in GBP/ })
  await expect(dayChart).toHaveAttribute('aria-label', /gross £137\.00, refunds £10\.00, net £127\.00/)
  await expect(page.getByRole('img', { name: /^Net revenue per course in GBP/ })).toHaveAttribute('aria-label', /Bookkeeping Basics £92\.43, Excel for Small Business £34\.57/)
  await screenshotThemes(page, 'reports', path)
  await page.getByRole('img', { name: /^Net revenue per course in GBP/ }).scrollIntoViewIfNeeded()
  await screenshotThemes(page, 'reports-courses', path)

  await page.getByRole('button', { name: 'Show table' }).first().click()
  const days = page.getByRole('table', { name: 'Revenue per day in GBP' })
  await expect(days.getByRole('row')).toHaveCount(7 + 2)
  await expect(days.getByRole('row').last()).toHaveText(/Total\s*£137\.00\s*£10\.00\s*£127\.00/)
  await screenshotThemes(page, 'reports-table', path)

  await cards.getByRole('button', { name: /^JPY/ }).click()
  await expect(page.getByRole('heading', { name: 'Revenue per day · JPY' })).toBeVisible()
  await expect(page.getByRole('table', { name: 'Revenue per day in JPY' }).getByRole('row').last()).toHaveText(/^Total\s*(JP)?¥6,800\s*(JP)?¥0\s*(JP)?¥6,800$/)
  await page.getByRole('button', { name: 'Show chart' }).click()
  await expect(page.getByRole('img', { name: /^Revenue per day in JPY/ })).toBeVisible()
  await screenshotThemes(page, 'reports-jpy', path)

  await page.getByRole('button', { name: 'Custom' }).click()
  await page.getByLabel('From', { exact: true }).fill('2020-01-01')
  await page.getByLabel('To', { exact: true }).fill('2020-01-31')
  await expect(page.getByText(/^No sales from (1 Jan|Jan 1,) 2020 to (31 Jan|Jan 31,) 2020$/)).toBeVisible()
  await page.getByLabel('From', { exact: true }).fill('2019-01-01')
  await expect(page.getByText('Choose at most 366 days')).toBeVisible()
  await screenshotThemes(page, 'reports-custom', path)
  expect(errors).toEqual([])
})

test('a customer is edited from their page; an email another customer has is refused beside the field, nothing changed', async ({ page }, testInfo) => {
  const errors = watchConsole(page)
  await page.goto(`${host.openUrl}#/customers`)
  await page.getByRole('table', { name: 'Customers' }).getByRole('link', { name: 'Amelia Hart' }).click()
  await expect(page.getByRole('heading', { name: 'Amelia Hart' })).toBeVisible()
  const customerId = Number(/#\/customers\/(\d+)/.exec(page.url())?.[1])
  const dialog = page.getByRole('dialog', { name: 'Edit customer' })

  // The dialog opens with what the till has, and passes axe in both themes (the theme is chosen with it closed: a
  // modal dialog makes the rest of the page inert).
  for (const theme of ['light', 'dark'] as const) {
    await page.getByLabel('Theme').selectOption(theme)
    await page.getByRole('button', { name: 'Edit' }).click()
    await expect(dialog.getByLabel('Name')).toHaveValue('Amelia Hart')
    await expect(dialog.getByLabel('Email')).toHaveValue('amelia.hart@example.com')
    await expect(dialog.getByLabel('Phone')).toHaveValue('+44 20 7946 0018')
    expect(await seriousViolations(page), `edit dialog, ${theme}`).toEqual([])
    await page.setViewportSize({ width: 1024, height: 640 })
    await page.screenshot({ path: testInfo.outputPath(`customer-edit-1024-${theme}.png`) })
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect(dialog).toBeHidden()
  }
  await page.getByLabel('Theme').selectOption('light')

  await page.getByRole('button', { name: 'Edit' }).click()
  await dialog.getByLabel('Name').fill('Amelia Hart-Jones')
  await dialog.getByLabel('Email').fill('amelia.jones@example.com')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Customer saved' })).toBeVisible()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('heading', { name: 'Amelia Hart-Jones' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'amelia.jones@example.com' })).toBeVisible()

  // Jonas Becker's email: refused beside the field, the dialog stays open, and nothing about Amelia changes.
  await page.getByRole('button', { name: 'Edit' }).click()
  await dialog.getByLabel('Name').fill('Someone Else')
  await dialog.getByLabel('Email').fill('jonas.becker@example.de')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByRole('alert')).toHaveText('A customer with the email jonas.becker@example.de already exists')
  await expect(dialog.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
  // An email the contract refuses is shown beside its field too.
  await dialog.getByLabel('Email').fill('not-an-email')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByRole('alert')).toContainText('email')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByRole('heading', { name: 'Amelia Hart-Jones' })).toBeVisible()
  const stored = await invoke<{ name: string; email: string; phone: string | null }>('customers:get', { customerId })
  expect({ name: stored.name, email: stored.email, phone: stored.phone }).toEqual({ name: 'Amelia Hart-Jones', email: 'amelia.jones@example.com', phone: '+44 20 7946 0018' })
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Amelia Hart-Jones' })).toBeVisible()
  await expect(page.getByRole('link', { name: 'amelia.jones@example.com' })).toBeVisible()
  // The browser logs the two refused calls (409 conflict, 400 invalid input); nothing else.
  const refused = (error: string) => /status of (409|400)/.test(error)
  expect(errors.filter((error) => !refused(error))).toEqual([])
  expect(errors.filter(refused)).toHaveLength(2)
})
