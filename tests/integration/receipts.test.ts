// Receipts: the shop's address and tax id from Settings, and the address Stripe emails the card receipt to.
import { afterEach, describe, expect, it } from 'vitest'
import type { AppInfo, OrderDetail } from '../../src/shared/domain'
import type { ChannelInput, Channel } from '../../src/shared/ipc-contract'
import { dispatchAs, ownerAndCashierOnShift, valueOf } from '../helpers/staff-calls'
import { snapshot } from '../helpers/temp-store'
import { payAs, startTestTill, type TestTill } from '../helpers/test-till'

let t: TestTill
afterEach(async () => {
  await t?.close()
})

const as = <C extends Channel>(token: string | null, channel: C, input: ChannelInput<C>) => dispatchAs(t, token, channel, input)
const value = valueOf
const db = () => t.till.ctx.db

const people = () => ownerAndCashierOnShift(t)

describe('receipt details in Settings', () => {
  it('a manager sets the address and tax id (checked, trimmed, audited); bad input changes nothing; app info carries them', async () => {
    t = await startTestTill()
    const { owner, ownerId, cashier } = await people()
    const good = { address: '  12 Market Street \n\n Leeds LS1 6DT ', taxId: ' GB 123 4567 89 ' }
    const before = snapshot(db())
    expect(await as(cashier, 'settings:setReceiptDetails', { ...good, managerToken: cashier })).toMatchObject({ ok: false, error: { code: 'manager_required' } })
    const refused = [
      { ...good, address: 'a\nb\nc\nd\ne' },
      { ...good, address: 'x'.repeat(61) },
      { ...good, address: 'Card 4242 4242 4242 4242' },
      { ...good, taxId: 'GB#123' },
      { ...good, taxId: '-GB123' },
      { ...good, taxId: 'G' },
    ]
    for (const input of refused) expect(await as(owner, 'settings:setReceiptDetails', { ...input, managerToken: owner }), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(snapshot(db())).toBe(before)

    const info = await value<AppInfo>(as(owner, 'settings:setReceiptDetails', { ...good, managerToken: owner }))
    expect({ address: info.shopAddress, taxId: info.shopTaxId }).toEqual({ address: '12 Market Street\nLeeds LS1 6DT', taxId: 'GB 123 4567 89' })
    expect(await value<AppInfo>(as(cashier, 'app:info', {}))).toMatchObject({ shopAddress: '12 Market Street\nLeeds LS1 6DT', shopTaxId: 'GB 123 4567 89' })
    const trail = db().prepare("SELECT staff_id AS staffId, detail FROM audit_log WHERE action = 'settings.receipt_details_changed'").all() as Array<{ staffId: number; detail: string }>
    expect(trail.map((row) => row.staffId)).toEqual([ownerId])
    expect(JSON.parse(trail[0]!.detail)).toEqual({ from: { shopAddress: '', shopTaxId: '' }, to: { shopAddress: '12 Market Street\nLeeds LS1 6DT', shopTaxId: 'GB 123 4567 89' } })
    // Saving the same again writes nothing; clearing both prints nothing.
    await value(as(owner, 'settings:setReceiptDetails', { ...good, managerToken: owner }))
    expect(db().prepare("SELECT count(*) FROM audit_log WHERE action = 'settings.receipt_details_changed'").pluck().get()).toBe(1)
    expect(await value<AppInfo>(as(owner, 'settings:setReceiptDetails', { address: '', taxId: '', managerToken: owner }))).toMatchObject({ shopAddress: '', shopTaxId: '' })
  })
})

describe('emailed receipts', () => {
  it('records where Stripe emails the card receipt (the intent’s receipt_email, the customer’s email); cash has none', async () => {
    t = await startTestTill()
    const { cashier } = await people()
    const email = db().prepare('SELECT email FROM account WHERE id = 1').pluck().get() as string
    const card = await value<OrderDetail>(as(cashier, 'orders:create', { accountId: 1, courseIds: [2], confirmOwned: [2] }))
    const checkout = await value<{ paymentIntentId: string }>(as(cashier, 'payments:startCard', { orderId: card.id }))
    expect((await t.stripe.paymentIntents.retrieve(checkout.paymentIntentId)).receipt_email).toBe(email)
    await payAs(t.stripe, checkout.paymentIntentId, 'pm_card_visa')
    await t.deliveriesSettled()
    const paid = await value<OrderDetail>(as(cashier, 'orders:get', { orderId: card.id }))
    expect(paid.status).toBe('successful')
    expect(paid.payments.map((p) => [p.method, p.receiptEmail])).toEqual([['card', email]])

    const cash = await value<OrderDetail>(as(cashier, 'orders:create', { accountId: 1, courseIds: [1], confirmOwned: [1] }))
    const cashPaid = await value<OrderDetail>(as(cashier, 'orders:recordCash', { orderId: cash.id, tendered: 4_900 }))
    expect(cashPaid.payments.map((p) => [p.method, p.receiptEmail])).toEqual([['cash', null]])
  })
})
