import { expect, test } from '@playwright/test'
import { startBrowserHost, type RunningHost } from './fixtures/browser-host'

let host: RunningHost

test.beforeAll(async () => {
  host = await startBrowserHost()
})

test.afterAll(async () => {
  await host?.stop()
})

test('the till shows the demo catalog from the store, through the browser host', async ({ page }, testInfo) => {
  const consoleErrors: string[] = []
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()))
  page.on('pageerror', (error) => consoleErrors.push(error.message))

  await page.setViewportSize({ width: 1280, height: 720 })
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Courses' })).toBeVisible()
  await expect(page.getByText('Sandbox', { exact: true })).toBeVisible()
  const catalog = page.getByRole('list', { name: 'Course catalog' })
  await expect(catalog.getByRole('listitem')).toHaveCount(12)
  // Prices come formatted for their currency: whole yen, three-decimal dinar.
  await expect(catalog.getByText('Japanese Calligraphy (Shodō)')).toBeVisible()
  await expect(catalog.getByText('JP¥6,800')).toBeVisible()
  await expect(catalog.getByText(/KWD\s?15\.000/)).toBeVisible()
  await expect(catalog.getByText('£49.00')).toBeVisible()
  // The retired course is not on sale.
  await expect(catalog.getByText('Flash Animation (retired)')).toHaveCount(0)

  await page.getByLabel('Search courses').fill('sushi')
  await expect(catalog.getByRole('listitem')).toHaveCount(1)
  await page.getByLabel('Search courses').fill('no such course')
  await expect(page.getByText('No course matches')).toBeVisible()
  await page.getByLabel('Search courses').fill('')
  await expect(catalog.getByRole('listitem')).toHaveCount(12)

  await page.screenshot({ path: testInfo.outputPath('catalog.png'), fullPage: true })
  expect(consoleErrors).toEqual([])
})
