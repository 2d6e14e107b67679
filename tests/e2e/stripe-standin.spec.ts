// The Stripe.js stand-in behind the real <Elements>/<PaymentElement>, paying
// PaymentIntents on the real sandbox server, in Chromium.

import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { expect, test, type Page } from '@playwright/test'
import Stripe from 'stripe'
import { build } from 'vite'
import { startSandbox } from '@coursetill/stripe-sandbox'
import { cspViolations, fillCard, openHarness, pay, recordSandboxRequests, result } from './elements-harness/harness-page'
import { serveHarness, type HarnessServer } from './elements-harness/serve-harness'
import { harnessOutDir } from './elements-harness/vite.config'

const SCREENSHOT_DIR = 'test-results/stripe-standin'

let sandbox: Awaited<ReturnType<typeof startSandbox>>
let harness: HarnessServer
let stripe: Stripe

test.beforeAll(async () => {
  test.setTimeout(120_000)
  await build({ configFile: fileURLToPath(new URL('./elements-harness/vite.config.ts', import.meta.url)) })
  // The harness page is the only origin the sandbox lets its Stripe.js stand-in call from.
  sandbox = await startSandbox({ port: 0, allowedOrigins: () => (harness ? [new URL(harness.url).origin] : []) })
  harness = await serveHarness(harnessOutDir)
  stripe = new Stripe('sk_test_standin', { host: '127.0.0.1', port: sandbox.port, protocol: 'http', maxNetworkRetries: 0 })
})

test.afterAll(async () => {
  await harness?.close()
  await sandbox?.close()
})

const pageErrors: Error[] = []
test.beforeEach(({ page }) => {
  pageErrors.length = 0
  page.on('pageerror', (error) => pageErrors.push(error))
})
test.afterEach(async ({ page }) => {
  expect(pageErrors, 'uncaught errors in the page').toEqual([])
  expect(await cspViolations(page), 'CSP violations').toEqual([])
})

/** A fresh PaymentIntent, created server-side with the official SDK as the till's main process does. */
async function openCheckout(page: Page, options: { apiBase?: string; theme?: string } = {}) {
  // Cards only, as the till asks: automatic payment methods would need a return_url, as on Stripe.
  const intent = await stripe.paymentIntents.create({ amount: 4900, currency: 'gbp', allowed_payment_method_types: ['card'], metadata: { test: 'stripe-standin' } })
  await openHarness(page, harness.url, {
    clientSecret: intent.client_secret ?? '',
    apiBase: options.apiBase ?? sandbox.url,
    ...(options.theme ? { theme: options.theme } : {}),
  })
  return intent
}

async function statusOf(intentId: string): Promise<string> {
  return (await stripe.paymentIntents.retrieve(intentId)).status
}

test('formats the card as it is typed and pays with 4242', async ({ page }) => {
  const intent = await openCheckout(page)
  const number = page.getByLabel('Card number')
  await number.pressSequentially('4242424242424242')
  await expect(number).toHaveValue('4242 4242 4242 4242')
  await expect(page.locator('[data-card-brand="visa"]')).toContainText('Visa')
  await expect(page.getByLabel('Expiry')).toBeFocused() // moves on once the number is complete
  await page.keyboard.type('1234')
  await expect(page.getByLabel('Expiry')).toHaveValue('12 / 34')
  await expect(page.getByLabel('CVC')).toBeFocused()
  await page.keyboard.type('123')
  await page.getByLabel('Postcode').pressSequentially('sw1a 1aa')
  await expect(page.getByLabel('Postcode')).toHaveValue('SW1A 1AA')
  await expect(page.getByTestId('element-state')).toHaveText('ready, complete')
  await page.locator('form').screenshot({ path: `${SCREENSHOT_DIR}/card-form.png` })

  await pay(page)
  await expect(result(page)).toHaveText('Payment succeeded')
  await expect(result(page)).toHaveAttribute('data-intent-id', intent.id)
  expect(await statusOf(intent.id)).toBe('succeeded')
})

test('shows the decline for 9995, then accepts another card on the same intent', async ({ page }) => {
  const intent = await openCheckout(page)
  await fillCard(page, { number: '4000 0000 0000 9995' })
  await pay(page)
  await expect(result(page)).toContainText(/insufficient funds/i)
  await expect(result(page)).toHaveAttribute('data-error-type', 'card_error')
  await expect(result(page)).toHaveAttribute('data-decline-code', 'insufficient_funds')
  await expect(result(page)).toHaveAttribute('data-intent-status', 'requires_payment_method')
  expect(await statusOf(intent.id)).toBe('requires_payment_method')

  await page.getByLabel('Card number').fill('4242 4242 4242 4242')
  await pay(page)
  await expect(result(page)).toHaveText('Payment succeeded')
  expect(await statusOf(intent.id)).toBe('succeeded')
})

test('reports a generic decline for 0002', async ({ page }) => {
  const intent = await openCheckout(page)
  await fillCard(page, { number: '4000000000000002' })
  await pay(page)
  await expect(result(page)).toHaveAttribute('data-decline-code', 'generic_decline')
  await expect(result(page)).toHaveAttribute('data-error-code', 'card_declined')
  expect(await statusOf(intent.id)).toBe('requires_payment_method')
})

test('3155 asks for 3-D Secure; Complete pays', async ({ page }) => {
  const intent = await openCheckout(page)
  await fillCard(page, { number: '4000 0025 0000 3155' })
  await pay(page)
  const challenge = page.getByRole('dialog', { name: '3D Secure authentication' })
  await expect(challenge).toBeVisible()
  await expect(challenge).toContainText('sandbox test challenge')
  await page.screenshot({ path: `${SCREENSHOT_DIR}/three-ds-dialog.png` })
  expect(await statusOf(intent.id)).toBe('requires_action')

  await challenge.getByRole('button', { name: 'Complete' }).click()
  await expect(challenge).toBeHidden()
  await expect(result(page)).toHaveText('Payment succeeded')
  expect(await statusOf(intent.id)).toBe('succeeded')
})

test('3155 with Fail reports an authentication failure', async ({ page }) => {
  const intent = await openCheckout(page)
  await fillCard(page, { number: '4000002500003155' })
  await pay(page)
  await page.getByRole('dialog', { name: '3D Secure authentication' }).getByRole('button', { name: 'Fail' }).click()
  await expect(result(page)).toHaveAttribute('data-error-code', 'payment_intent_authentication_failure')
  await expect(result(page)).toHaveAttribute('data-error-type', 'card_error')
  await expect(result(page)).not.toBeEmpty()
  expect(await statusOf(intent.id)).toBe('requires_payment_method')
})

test('4242 4242 4242 4241 is refused in the browser without calling the sandbox', async ({ page }) => {
  const intent = await openCheckout(page)
  const sandboxCalls = recordSandboxRequests(page, sandbox.url)
  await fillCard(page, { number: '4242 4242 4242 4241' })
  await expect(page.getByLabel('Card number')).toHaveAccessibleDescription('Your card number is invalid.')
  await pay(page)
  await expect(result(page)).toHaveText('Your card number is invalid.')
  await expect(result(page)).toHaveAttribute('data-error-type', 'validation_error')
  await expect(result(page)).toHaveAttribute('data-error-code', 'invalid_number')
  expect(sandboxCalls.filter((call) => call.includes('/confirm'))).toEqual([])
  expect(await statusOf(intent.id)).toBe('requires_payment_method')
})

test('submitting an empty form shows every field error, as Elements does', async ({ page }) => {
  await openCheckout(page)
  await pay(page)
  await expect(result(page)).toHaveText('Your card number is incomplete.')
  await expect(page.getByLabel('Card number')).toHaveAccessibleDescription('Your card number is incomplete.')
  await expect(page.getByLabel('Expiry')).toHaveAccessibleDescription("Your card's expiration date is incomplete.")
  await expect(page.getByLabel('CVC')).toHaveAccessibleDescription("Your card's security code is incomplete.")
  await expect(page.getByLabel('Postcode')).toHaveAccessibleDescription('Your postal code is incomplete.')
  await page.locator('form').screenshot({ path: `${SCREENSHOT_DIR}/card-form-errors.png` })

  await page.getByLabel('Expiry').fill('01 / 20')
  await expect(page.getByLabel('Expiry')).toHaveAccessibleDescription("Your card's expiration date is in the past.")
})

test('an unreachable sandbox gives an api_connection_error', async ({ page }) => {
  await openCheckout(page, { apiBase: `http://127.0.0.1:${await closedPort()}` })
  await fillCard(page, { number: '4242424242424242' })
  await pay(page)
  await expect(result(page)).toHaveAttribute('data-error-type', 'api_connection_error')
  await expect(result(page)).toContainText('Could not reach the Stripe sandbox')
})

test('follows appearance.theme', async ({ page }) => {
  await openCheckout(page, { theme: 'night' })
  // The night palette reaches the inputs only if the constructed stylesheet was adopted despite the strict CSP.
  await expect(page.getByLabel('Card number')).toHaveCSS('background-color', 'rgb(48, 49, 61)')
  await expect(page.getByLabel('Card number')).toHaveCSS('color', 'rgb(255, 255, 255)')
  await page.locator('form').screenshot({ path: `${SCREENSHOT_DIR}/card-form-night.png` })
})

/** A port nothing listens on: bind one, then release it. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (address === null || typeof address === 'string') throw new Error('no TCP port')
  return address.port
}
