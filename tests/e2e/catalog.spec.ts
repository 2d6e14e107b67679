import { expect, test } from './fixtures/test'
import { startBrowserHost, type RunningHost } from './fixtures/browser-host'
import { watchConsole } from './fixtures/till-page'

let host: RunningHost

test.beforeAll(async () => {
  host = await startBrowserHost()
})

test.afterAll(async () => {
  await host?.stop()
})

test('the till shows the demo catalog from the store, through the browser host', async ({ page }, testInfo) => {
  const errors = watchConsole(page)
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto(host.openUrl)
  await expect(page.getByText('Sandbox', { exact: true })).toBeVisible()
  const catalog = page.getByRole('listbox', { name: 'Course catalog' })
  await expect(catalog.getByRole('option')).toHaveCount(12)
  // Prices come formatted for their currency: whole yen, three-decimal dinar.
  await expect(catalog.getByText('Japanese Calligraphy (Shodō)')).toBeVisible()
  await expect(catalog.getByText('JP¥6,800')).toBeVisible()
  await expect(catalog.getByText(/KWD\s?15\.000/)).toBeVisible()
  await expect(catalog.getByText('£49.00')).toBeVisible()
  // The retired course is not on sale.
  await expect(catalog.getByText('Flash Animation (retired)')).toHaveCount(0)

  const search = page.getByRole('combobox', { name: 'Search courses' })
  await expect(search).toBeFocused()
  await search.fill('sushi')
  await expect(catalog.getByRole('option')).toHaveCount(1)
  await search.fill('no such course')
  await expect(page.getByText('No course matches')).toBeVisible()
  await search.fill('')
  await expect(catalog.getByRole('option')).toHaveCount(12)

  // Keyboard first: arrows move the highlight, Enter adds to the cart.
  await search.press('ArrowDown')
  await search.press('ArrowDown')
  await expect(catalog.getByRole('option').nth(2)).toHaveAttribute('aria-selected', 'true')
  await search.press('Enter')
  await expect(page.getByRole('list', { name: 'Cart' }).getByRole('listitem')).toHaveCount(1)
  await page.screenshot({ path: testInfo.outputPath('catalog.png'), fullPage: true })
  expect(errors).toEqual([])
})
