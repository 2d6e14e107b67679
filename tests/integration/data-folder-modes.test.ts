import { chmodSync, lstatSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-store'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill | undefined
afterEach(async () => {
  await t?.close()
  t = undefined
})

/** Every folder and file under dir with its permission bits, as 'path mode'. */
function modes(dir: string): string[] {
  const out = [`. ${(lstatSync(dir).mode & 0o777).toString(8)}`]
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name)
      out.push(`${relative(dir, path)} ${(lstatSync(path).mode & 0o777).toString(8)}`)
      if (entry.isDirectory()) walk(path)
    }
  }
  walk(dir)
  return out.sort()
}

describe.skipIf(process.platform === 'win32')('the data folder', () => {
  it('is 700 with every file 600 after a sale, a refund and an export, and narrows what an older version left open', async () => {
    const dataDir = join(tempDir(), 'CourseTill')
    // As an older CourseTill left it: a world-readable folder and log (exports/ is made by the export below).
    mkdirSync(join(dataDir, 'logs'), { recursive: true, mode: 0o755 })
    writeFileSync(join(dataDir, 'logs', 'coursetill.log.1'), '{}\n', { mode: 0o644 })
    for (const dir of [dataDir, join(dataDir, 'logs')]) chmodSync(dir, 0o755)

    t = await startTestTill({ dataDir })
    const card = t.order([1])
    const checkout = await t.till.handlers['payments:startCard']({ orderId: card.id })
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    await t.deliveriesSettled()
    const cash = t.order([2])
    const paid = t.till.handlers['orders:recordCash']({ orderId: cash.id, tendered: 3900 }) as { payments: Array<{ id: number }> }
    const managerToken = await t.managerToken()
    await t.call('payments:refund', { paymentId: paid.payments[0]!.id, amount: 100, reason: 'requested_by_customer', note: 'partial', managerToken })
    await t.call('orders:export', { managerToken })
    expect(t.detail(card.id).status).toBe('successful')

    const found = modes(dataDir)
    // The files the issue names are all there, while the till runs (WAL files included).
    for (const name of ['coursetill.db', 'coursetill.db-wal', 'coursetill.db-shm', 'stripe-sandbox.db', 'logs/coursetill.log', 'logs/coursetill.log.1', 'exports']) {
      expect(found.some((line) => line.startsWith(`${name} `)), name).toBe(true)
    }
    expect(found.some((line) => /^exports\/orders-.*Z\.csv /.test(line))).toBe(true)
    const wrong = found.filter((line) => {
      const [path, mode] = line.split(' ')
      const isDir = lstatSync(join(dataDir, path!)).isDirectory()
      return mode !== (isDir ? '700' : '600')
    })
    expect(wrong).toEqual([])
  })
})
