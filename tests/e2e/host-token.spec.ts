import { expect, test } from './fixtures/test'

test('the browser host answers only a browser that opened the address it printed', async ({ page, host }) => {
  // Without the token: the page loads, but every call is refused and says where to go.
  const refused: number[] = []
  page.on('response', (response) => response.url().includes('/api/') && refused.push(response.status()))
  await page.goto(host.url)
  await expect(page.getByText(/open the address CourseTill printed when it started/).first()).toBeVisible()
  expect(refused.length).toBeGreaterThan(0)
  expect(new Set(refused)).toEqual(new Set([401]))

  // The printed address: the token becomes a cookie, the address bar drops it, the screen asked for opens.
  await page.goto(`${host.openUrl}#/orders`)
  await expect(page).toHaveURL(`${host.url}/#/orders`)
  await expect(page.getByRole('heading', { name: 'Orders', exact: true })).toBeVisible()
  const cookies = await page.context().cookies(host.url)
  expect(cookies.find((c) => c.name === `coursetill_${new URL(host.url).port}`)).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
  expect(await page.evaluate('document.cookie')).toBe('')
})
