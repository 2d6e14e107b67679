import type { Page } from '@playwright/test'
import type { AppInfo, CatchUpStatus } from '../../src/shared/domain'
import { startSandbox } from '@coursetill/stripe-sandbox'
import { startBrowserHost } from './fixtures/browser-host'
import { apiCall, expect, test } from './fixtures/test'
import { startSale, watchConsole } from './fixtures/till-page'

/** Answers the approval dialog: the owner (fixtures/staff.ts) approves for the cashier at the till. */
async function enterPin(page: Page, pin = '2468') {
  const dialog = page.getByRole('dialog', { name: 'Manager approval' })
  await expect(dialog).toBeVisible()
  await dialog.getByLabel('PIN', { exact: true }).fill(pin)
  await dialog.getByRole('button', { name: 'Approve' }).click()
  await expect(dialog).toBeHidden()
}

test('a manager renames the shop; the sidebar and the receipt show it', async ({ page, host }, testInfo) => {
  const errors = watchConsole(page)
  await page.goto(`${host.openUrl}#/settings`)
  await expect(page.getByRole('list', { name: 'Go-live checklist' })).toContainText('Practice mode: no money moves')
  await openTechnicalDetails(page)
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Stripe', exact: true })).toContainText('built-in Stripe sandbox')
  await page.screenshot({ path: testInfo.outputPath('settings-light.png') })

  await page.getByLabel('Shop name').fill('Northside Learning')
  await page.getByRole('button', { name: 'Save name' }).click()
  await enterPin(page)
  // No reload: the app's info refreshes itself on the live event the save publishes.
  await expect(page.locator('.brand')).toHaveText('Northside Learning')
  expect((await apiCall<AppInfo>(host, 'app:info')).shopName).toBe('Northside Learning')

  await page.goto(`${host.openUrl}#/sell`)
  await startSale(page, ['Bookkeeping'], 'Amelia')
  await page.getByLabel('Cash handed over (GBP)').fill('49')
  await page.getByRole('button', { name: 'Take cash' }).click()
  const receipt = page.getByRole('article', { name: 'Receipt' })
  await expect(receipt.getByRole('heading', { name: 'Northside Learning' })).toBeVisible()
  await page.screenshot({ path: testInfo.outputPath('receipt-shop-name.png') })
  expect(errors).toEqual([])
})

test('catch-up runs on demand and reports that it finished', async ({ page, host }, testInfo) => {
  const errors = watchConsole(page)
  await page.goto(`${host.openUrl}#/settings`)
  await openTechnicalDetails(page)
  const panel = page.getByRole('region', { name: 'Catch-up' })
  await expect(panel.getByText('Up to date')).toBeVisible()
  const before = await apiCall<CatchUpStatus>(host, 'sync:status')
  await panel.getByRole('button', { name: 'Run catch-up now' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Catch-up finished' })).toBeVisible()
  await expect(panel.getByText('Up to date')).toBeVisible()
  await expect(panel.getByRole('status', { name: 'Catch-up progress' })).toContainText(/Nothing new from Stripe|updates? from Stripe/)
  await expect(panel.getByRole('status', { name: 'Catch-up progress' })).not.toContainText(/listed|applied/)
  const after = await apiCall<CatchUpStatus>(host, 'sync:status')
  expect(after.lastStartedAt).toBeGreaterThan(before.lastStartedAt ?? 0)
  expect(after.state).toBe('idle')
  await page.screenshot({ path: testInfo.outputPath('catch-up.png') })
  expect(errors).toEqual([])
})

test('the browser host refuses to store keys, and says where they go instead', async ({ page, host }, testInfo) => {
  // Everything the main process sends the page, to show the secret never comes back.
  const answers: Array<Promise<string>> = []
  page.on('response', (response) => void (response.url().includes('/api/') && !response.url().endsWith('/api/events') && answers.push(response.text().catch(() => ''))))
  await page.goto(`${host.openUrl}#/settings`)
  await openTechnicalDetails(page)
  const stripe = page.getByRole('region', { name: 'Stripe', exact: true })
  await expect(stripe).toContainText('The browser host has no encrypted store for secrets')
  await stripe.getByLabel('Publishable key').fill('pk_test_abcdefgh1234')
  await stripe.getByLabel('Secret key').fill('sk_test_abcdefgh1234')
  await stripe.getByRole('button', { name: 'Check with Stripe and save' }).click()
  await enterPin(page)
  await expect(stripe.getByRole('alert')).toContainText(/browser host has no encrypted store.*STRIPE_SECRET_KEY/)
  // The secret never comes back from the main process, and the till is still on the sandbox.
  expect(answers.length).toBeGreaterThan(3)
  for (const answer of await Promise.all(answers)) expect(answer).not.toContain('abcdefgh1234')
  expect((await apiCall<AppInfo>(host, 'app:info')).mode).toBe('sandbox')
  const webhooks = page.getByRole('region', { name: 'Webhooks' })
  await expect(webhooks).toContainText('Not needed in sandbox mode')
  await page.screenshot({ path: testInfo.outputPath('keys-refused.png') })

  // The log, for the manager already unlocked, in the dark theme.
  await page.getByLabel('Theme').selectOption('dark')
  await page.getByRole('button', { name: 'Show recent log' }).click()
  const lines = page.getByRole('list', { name: 'Log lines' })
  await expect(lines).toContainText('till.started')
  await expect(lines).toContainText('endpoint.registered')
  expect(await lines.textContent()).not.toMatch(/sk_test_[a-z0-9]/i)
  await page.screenshot({ path: testInfo.outputPath('settings-dark-log.png'), fullPage: true })
})

test('with test keys from the environment and no tunnel: masked keys, and why webhooks will not arrive', async ({ page }, testInfo) => {
  // A standalone sandbox plays Stripe; the host reaches it as it would api.stripe.com.
  const stripe = await startSandbox({ port: 0 })
  const host = await startBrowserHost({ STRIPE_SECRET_KEY: 'sk_test_e2eSecret98765', STRIPE_PUBLISHABLE_KEY: 'pk_test_e2ePublic12345', STRIPE_API_URL: stripe.url })
  try {
    await page.goto(`${host.openUrl}#/settings`)
    await openTechnicalDetails(page)
    const panel = page.getByRole('region', { name: 'Stripe', exact: true })
    await expect(panel.getByText('Stripe test mode')).toBeVisible()
    const keys = panel.getByRole('definition')
    await expect(keys).toContainText(['pk_test_e2ePublic12345', 'sk_test_…8765', 'from the environment'])
    await expect(panel).toContainText('come from STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY in the environment')
    const webhooks = page.getByRole('region', { name: 'Webhooks' })
    await expect(webhooks.getByText('No webhooks')).toBeVisible()
    await expect(webhooks).toContainText("Stripe's webhooks will not arrive")
    await expect(webhooks).toContainText('checks the payment with Stripe directly')
    await expect(page.locator('body')).not.toContainText('e2eSecret')
    await page.screenshot({ path: testInfo.outputPath('settings-test-mode.png') })
  } finally {
    await host.stop()
    await stripe.close()
  }
})

/** Settings shows the go-live checklist first; keys, webhooks, catch-up and the log are one click away. */
async function openTechnicalDetails(page: Page) {
  const details = page.locator('details.settings-technical')
  await expect(details).toBeVisible()
  if (!(await details.evaluate((element) => element.hasAttribute('open')))) await page.getByText(/^Technical details/).click()
  await expect(page.getByRole('region', { name: 'Webhooks' })).toBeVisible()
}
