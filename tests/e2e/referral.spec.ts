import { mkdirSync } from 'node:fs'
import type { Locator, Page } from '@playwright/test'
import type { CustomerCredit } from '../../src/shared/credit'
import type { Account, OrderDetail } from '../../src/shared/domain'
import { apiCall, expect, test } from './fixtures/test'
import { watchConsole } from './fixtures/till-page'
import { seriousViolations } from './fixtures/look'

const SHOTS = 'reports/screenshots'

/** Screenshots at both till sizes in both themes for a person to look at; axe at each. */
async function checkScreen(page: Page, name: string, show?: Locator) {
  mkdirSync(SHOTS, { recursive: true })
  for (const size of [{ width: 1366, height: 800 }, { width: 1024, height: 640 }]) {
    await page.setViewportSize(size)
    for (const theme of ['light', 'dark'] as const) {
      await page.getByLabel('Theme').selectOption(theme)
      await show?.scrollIntoViewIfNeeded()
      expect(await seriousViolations(page), `${name} at ${size.width}×${size.height}, ${theme}`).toEqual([])
      await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}-${theme}.png`, fullPage: true })
    }
  }
  await page.getByLabel('Theme').selectOption('light')
  await page.setViewportSize({ width: 1280, height: 720 })
}

test("a new customer made with a referral code: their first qualifying purchase credits both, once", async ({ page, host }) => {
  test.setTimeout(240_000)
  const errors = watchConsole(page)
  const referrer = await apiCall<CustomerCredit>(host, 'credit:get', { customerId: 1 })
  await page.goto(host.openUrl)

  // A course in the cart, then a customer who is not in the till yet.
  const search = page.getByRole('combobox', { name: 'Search courses' })
  await search.fill('Bookkeeping')
  await expect(page.getByRole('listbox', { name: 'Course catalog' }).getByRole('option').first()).toContainText('Bookkeeping')
  await search.press('Enter')
  await page.getByRole('button', { name: '+ New customer' }).click()
  const form = page.getByRole('form', { name: 'New customer' })
  await form.getByLabel('Name').fill('Nora Friend')
  await form.getByLabel('Email').fill('nora.friend@example.com')
  // A code no customer has is refused beside the field, and no customer is made.
  await form.getByLabel('Referral code (optional)').fill('NOSUCHCODE')
  await form.getByRole('button', { name: 'Add customer' }).click()
  await expect(form.getByText('"NOSUCHCODE" is not a referral code of any customer')).toBeVisible()
  expect(await apiCall<Account[]>(host, 'customers:search', { query: 'nora.friend' })).toEqual([])
  await checkScreen(page, 'referral-new-customer-refused', form)

  // Amelia's code, typed in lower case as a customer reads it out.
  await form.getByLabel('Referral code (optional)').fill(referrer.referralCode.toLowerCase())
  await form.getByRole('button', { name: 'Add customer' }).click()
  await expect(form).toBeHidden()
  await page.getByRole('button', { name: /^Charge/ }).click()
  await expect(page.getByRole('heading', { name: /^Order #\d+/ })).toBeVisible()
  const orderId = Number((await page.getByRole('heading', { name: /^Order #\d+/ }).textContent())!.replace(/\D/g, ''))
  const order = await apiCall<OrderDetail>(host, 'orders:get', { orderId })
  expect(order.accountName).toBe('Nora Friend')
  await page.getByLabel('Cash handed over (GBP)').fill('50')
  await page.getByRole('button', { name: 'Take cash' }).click()
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible()

  // Both got the bonus (default 5.00 on a purchase of 10.00 or more), once.
  const friend = await apiCall<CustomerCredit>(host, 'credit:get', { customerId: order.accountId })
  expect(friend.referredBy).toEqual({ accountId: 1, name: 'Amelia Hart' })
  expect(friend.balances).toEqual([{ currency: 'GBP', balance: 500 }])
  expect((await apiCall<CustomerCredit>(host, 'credit:get', { customerId: 1 })).balances).toEqual([{ currency: 'GBP', balance: 500 }])

  await page.goto(`${host.url}/#/customers/${order.accountId}`)
  const panel = page.getByRole('region', { name: 'Store credit' })
  await expect(panel.getByLabel('Credit balances')).toContainText('£5.00')
  await expect(panel).toContainText('Referred by')
  await expect(panel).toContainText('Amelia Hart')
  await expect(panel.getByRole('table')).toContainText('referral bonus')
  await checkScreen(page, 'referral-new-customer-credit', panel)
  await page.goto(`${host.url}/#/customers/1`)
  await expect(page.getByRole('region', { name: 'Store credit' })).toContainText('Nora Friend (bonus paid)')

  // The refused code is the one failed request the browser logs.
  expect(errors.filter((error) => !error.includes('status of 400'))).toEqual([])
})
