// Playwright helpers for the harness page: open it on a fresh PaymentIntent, type a
// card like a customer would, read what the page reports.

import { expect, type Page } from '@playwright/test'

export interface CardEntry {
  number: string
  expiry?: string
  cvc?: string
  postcode?: string
}

export async function openHarness(page: Page, harnessUrl: string, query: Record<string, string>): Promise<void> {
  await page.goto(`${harnessUrl}/?${new URLSearchParams(query).toString()}`)
  // onReady fired on the real <PaymentElement>: the stand-in mounted and reported ready.
  await expect(page.getByTestId('element-state')).toHaveText(/^ready/)
}

export async function fillCard(page: Page, card: CardEntry): Promise<void> {
  await page.getByLabel('Card number').fill(card.number)
  await page.getByLabel('Expiry').fill(card.expiry ?? '12 / 34')
  await page.getByLabel('CVC').fill(card.cvc ?? '123')
  await page.getByLabel('Postcode').fill(card.postcode ?? 'SW1A 1AA')
}

export function pay(page: Page): Promise<void> {
  return page.getByRole('button', { name: /^Pay/ }).click()
}

export function result(page: Page) {
  return page.getByTestId('result')
}

/** URLs the page requested from the sandbox API, to prove what did (or did not) reach the server. */
export function recordSandboxRequests(page: Page, apiBase: string): string[] {
  const urls: string[] = []
  page.on('request', (request) => {
    if (request.url().startsWith(apiBase) && request.method() !== 'OPTIONS') urls.push(`${request.method()} ${request.url()}`)
  })
  return urls
}

export async function cspViolations(page: Page): Promise<string[]> {
  return JSON.parse((await page.locator('html').getAttribute('data-csp-violations')) ?? '[]') as string[]
}
