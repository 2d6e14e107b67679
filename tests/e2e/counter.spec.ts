import type { Page } from '@playwright/test'
import type { OrderDetail } from '../../src/shared/domain'
import { apiCall, expect, test } from './fixtures/test'
import { enterCard, startSale, watchConsole } from './fixtures/till-page'

/** Keys pressed, counted one per key (a typed word counts each letter), so the sale's cost in keys is measured. */
function keyboard(page: Page) {
  let count = 0
  return {
    type: async (text: string) => {
      count += text.length
      await page.keyboard.type(text)
    },
    press: async (key: string) => {
      count += 1
      await page.keyboard.press(key)
    },
    count: () => count,
  }
}

test('a keyboard-only cash sale takes fewer than 60 keys, and selling an owned course again needs an explicit yes', async ({ page, host }) => {
  const errors = watchConsole(page)
  await page.goto(host.openUrl)
  const keys = keyboard(page)
  const catalog = page.getByRole('listbox', { name: 'Course catalog' })
  await expect(page.getByRole('combobox', { name: 'Search courses' })).toBeFocused()
  await keys.type('bookk')
  await expect(catalog.getByRole('option').first()).toContainText('Bookkeeping Basics')
  await keys.press('Enter')
  // The search box empties after each add, ready for the next name or scanned code.
  await expect(page.getByRole('combobox', { name: 'Search courses' })).toHaveValue('')
  await keys.press('F4')
  await keys.type('amel')
  await expect(page.getByRole('listbox', { name: 'Matching customers' }).getByRole('option').first()).toContainText('Amelia Hart')
  await keys.press('Enter')
  await expect(page.getByRole('button', { name: /^Charge/ })).toBeFocused()
  await keys.press('Enter')
  const cash = page.getByLabel(/Cash handed over/)
  await expect(cash).toBeFocused()
  await keys.type('50')
  await keys.press('Enter')
  const receipt = page.getByRole('article', { name: 'Receipt' })
  await expect(receipt).toBeVisible()
  await expect(receipt.getByRole('status')).toHaveText('Change due £1.00')
  await expect(page.getByRole('button', { name: 'New sale' })).toBeFocused()
  expect(keys.count()).toBeLessThan(60)

  // The same course for the same customer: flagged on the line, and Charge waits for a decision.
  await keys.press('Enter')
  await startSaleUntilCharge(page, 'Bookkeeping', 'Amelia')
  const line = page.getByRole('list', { name: 'Cart' }).getByRole('listitem').first()
  await expect(line.getByRole('note')).toContainText('Already owned')
  const charge = page.getByRole('button', { name: /^Charge/ })
  await expect(charge).toBeDisabled()
  await line.getByLabel('Sell again anyway').check()
  await charge.click()
  await page.getByRole('group', { name: 'Quick cash' }).getByRole('button', { name: /^Exact/ }).click()
  await expect(page.getByRole('list', { name: 'Courses already owned' })).toContainText('Bookkeeping Basics')
  expect(errors).toEqual([])
})

async function startSaleUntilCharge(page: Page, course: string, customer: string) {
  await page.getByRole('combobox', { name: 'Search courses' }).fill(course)
  await expect(page.getByRole('listbox', { name: 'Course catalog' }).getByRole('option').first()).toContainText(course)
  await page.getByRole('combobox', { name: 'Search courses' }).press('Enter')
  await page.getByLabel('Customer', { exact: true }).fill(customer)
  await page.getByRole('listbox', { name: 'Matching customers' }).getByRole('option').first().click()
}

test('the cart survives Orders and a reload; a parked sale comes back; accents do not matter in search', async ({ page, host }) => {
  await page.goto(host.openUrl)
  const search = page.getByRole('combobox', { name: 'Search courses' })
  await search.fill('shodo')
  await expect(page.getByRole('listbox', { name: 'Course catalog' }).getByRole('option')).toHaveCount(1)
  await search.press('Enter')
  const cart = page.getByRole('list', { name: 'Cart' })
  await expect(cart).toContainText('Shodō')
  await page.getByRole('link', { name: 'Orders' }).click()
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible()
  await page.getByRole('link', { name: 'Sell' }).click()
  await expect(cart).toContainText('Shodō')
  await page.reload()
  await expect(cart).toContainText('Shodō')

  await page.getByRole('button', { name: 'Park sale' }).click()
  await expect(page.getByText('The cart is empty')).toBeVisible()
  const unfinished = page.getByRole('region', { name: 'Unfinished' })
  await expect(unfinished).toContainText('Shodō')
  await unfinished.getByRole('button', { name: 'Resume', exact: true }).click()
  await expect(cart).toContainText('Shodō')
  await expect(unfinished).toHaveCount(0)
})

test('with the host unreachable a banner says so, and it goes away by itself when the host answers again', async ({ page, host }) => {
  await page.goto(host.openUrl)
  await expect(page.getByRole('listbox', { name: 'Course catalog' }).getByRole('option').first()).toBeVisible()
  const banner = page.getByRole('status').filter({ hasText: 'CourseTill is not answering' })
  await page.route('**/api/**', (route) => route.abort('connectionrefused'))
  await page.getByRole('combobox', { name: 'Search courses' }).fill('sushi')
  await expect(banner).toBeVisible()
  await page.unroute('**/api/**')
  await expect(banner).toBeHidden()
  // What failed while it was away is asked again: the catalog shows the search's answer.
  await expect(page.getByRole('listbox', { name: 'Course catalog' }).getByRole('option')).toHaveCount(1)
})

test('a reload during 3-D Secure leaves a way out: stop the card attempt, then take cash; Sell points back to the open order', async ({ page, host }) => {
  await page.goto(host.openUrl)
  const orderId = await startSale(page, ['Excel'], 'Jonas')
  await enterCard(page, '4000 0025 0000 3155')
  await page.getByRole('button', { name: /^Pay/ }).click()
  await expect(page.getByRole('dialog', { name: '3D Secure authentication' })).toBeVisible()
  await page.goto(host.openUrl)
  const unfinished = page.getByRole('region', { name: 'Unfinished' })
  await unfinished.getByRole('button', { name: `Resume checkout of order ${orderId}` }).click()
  const interrupted = page.getByRole('region', { name: 'Interrupted card payment' })
  await expect(interrupted).toBeVisible()
  await expect(page.getByRole('button', { name: 'Take cash' })).toBeDisabled()
  await interrupted.getByRole('button', { name: 'Stop the card attempt' }).click()
  await expect(interrupted).toBeHidden()
  await page.getByRole('group', { name: 'Quick cash' }).getByRole('button', { name: /^Exact/ }).click()
  await expect(page.getByRole('article', { name: 'Receipt' })).toBeVisible()
  expect((await apiCall<OrderDetail>(host, 'orders:get', { orderId })).status).toBe('successful')
})
