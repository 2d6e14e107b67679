import { describe, expect, it } from 'vitest'
import { AppError } from '../../src/shared/errors'
import { createAccount, searchAccounts } from '../../src/main/core/accounts'
import { listCourses } from '../../src/main/core/catalog'
import { cancelOrder, recordCashPayment } from '../../src/main/core/orders/cash'
import { createOrder } from '../../src/main/core/orders/create-order'
import { revokeCourse } from '../../src/main/core/orders/ownership'
import { getOrderDetail } from '../../src/main/core/orders/read-order'
import { settleOrder } from '../../src/main/core/orders/settle'
import type { LiveEvent } from '../../src/shared/domain'
import { addAccount, addCourse, count, snapshot, tempStore } from '../helpers/temp-store'

function expectRefusal(run: () => unknown, code: string, message: RegExp) {
  let error: unknown
  try {
    run()
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe(code)
  expect((error as AppError).message).toMatch(message)
}

function shop() {
  const store = tempStore()
  const accountId = addAccount(store.db, 'Ann')
  const gbpA = addCourse(store.db, { price: 4900, currency: 'GBP', title: 'Bookkeeping' })
  const gbpB = addCourse(store.db, { price: 3900, currency: 'GBP', title: 'Excel' })
  const jpy = addCourse(store.db, { price: 6800, currency: 'JPY', title: 'Shodo' })
  const kwd = addCourse(store.db, { price: 15000, currency: 'KWD', title: 'Calligraphy' })
  const retired = addCourse(store.db, { price: 1900, currency: 'GBP', active: false, title: 'Flash' })
  const events: LiveEvent[] = []
  store.ctx.bus.subscribe((event) => events.push(event))
  return { ...store, accountId, gbpA, gbpB, jpy, kwd, retired, events }
}

describe('createOrder', () => {
  it('prices an order of several courses from the store', () => {
    const s = shop()
    const order = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpA, s.gbpB], actor: 'staff' })
    expect(order).toMatchObject({ amount: 8800, currency: 'GBP', status: 'pending', amountDue: 8800, accountName: 'Ann' })
    expect(order.items).toEqual([
      { courseId: s.gbpA, title: 'Bookkeeping', unitAmount: 4900, netAmount: 4900 },
      { courseId: s.gbpB, title: 'Excel', unitAmount: 3900, netAmount: 3900 },
    ])
    expect(s.events).toEqual([{ type: 'order.changed', orderId: order.id, status: 'pending' }])
    // The order keeps the price it was sold at when the catalog changes later.
    s.db.prepare('UPDATE course SET price_amount = 9999, title = ? WHERE id = ?').run('Renamed', s.gbpA)
    expect(getOrderDetail(s.db, order.id).items[0]).toEqual({ courseId: s.gbpA, title: 'Bookkeeping', unitAmount: 4900, netAmount: 4900 })
    expect(s.db.prepare("SELECT action FROM audit_log WHERE order_id = ?").pluck().all(order.id)).toEqual(['order.created'])
  })

  it('keeps zero- and three-decimal amounts as they are', () => {
    const s = shop()
    expect(createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.jpy], actor: 'staff' })).toMatchObject({ amount: 6800, currency: 'JPY' })
    expect(createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.kwd], actor: 'staff' })).toMatchObject({ amount: 15000, currency: 'KWD' })
  })

  it.each([
    ['an empty cart', (s: ReturnType<typeof shop>) => ({ accountId: s.accountId, courseIds: [] }), 'invalid_input', /cart is empty/],
    ['an unknown course', (s: ReturnType<typeof shop>) => ({ accountId: s.accountId, courseIds: [s.gbpA, 424242] }), 'not_found', /Course 424242 does not exist/],
    ['an inactive course', (s: ReturnType<typeof shop>) => ({ accountId: s.accountId, courseIds: [s.retired] }), 'conflict', /"Flash" is no longer on sale/],
    ['mixed currencies', (s: ReturnType<typeof shop>) => ({ accountId: s.accountId, courseIds: [s.gbpA, s.jpy] }), 'invalid_input', /cannot mix currencies \(GBP, JPY\)/],
    ['an unknown account', (s: ReturnType<typeof shop>) => ({ accountId: 999, courseIds: [s.gbpA] }), 'not_found', /Customer 999 does not exist/],
    ['the same course twice', (s: ReturnType<typeof shop>) => ({ accountId: s.accountId, courseIds: [s.gbpA, s.gbpA] }), 'invalid_input', /in the cart twice/],
  ])('refuses %s and writes nothing', (_what, input, code, message) => {
    const s = shop()
    const before = snapshot(s.db)
    expectRefusal(() => createOrder(s.ctx, { ...input(s), actor: 'staff' }), code, message)
    expect(snapshot(s.db)).toBe(before)
    expect(s.events).toEqual([])
  })
})

describe('cash payments and ownership', () => {
  it('takes part cash, then the rest, and grants each course once', () => {
    const s = shop()
    const order = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpA, s.gbpB], actor: 'staff' })
    const part = recordCashPayment(s.ctx, { orderId: order.id, tendered: 3000, actor: 'staff' })
    expect(part).toMatchObject({ status: 'partially_paid', amountDue: 5800 })
    expect(part.ownership).toEqual([])
    const paid = recordCashPayment(s.ctx, { orderId: order.id, tendered: 10000, actor: 'staff' })
    expect(paid).toMatchObject({ status: 'successful', amountDue: 0 })
    expect(paid.payments.map((p) => [p.method, p.amount, p.tenderedAmount, p.status])).toEqual([
      ['cash', 3000, 3000, 'succeeded'],
      ['cash', 5800, 10000, 'succeeded'],
    ])
    expect(paid.ownership.map((o) => o.courseId)).toEqual([s.gbpA, s.gbpB])
    settleOrder(s.db, s.ctx.now(), order.id, 'system', () => {})
    expect(count(s.db, 'account_has_course')).toBe(2)
    expect(s.events.map((e) => e.type)).toEqual(['order.changed', 'payment.changed', 'order.changed', 'payment.changed', 'order.changed'])
  })

  it('refuses to sell a course the customer owns unless staff confirmed that course, and writes nothing', () => {
    const s = shop()
    const first = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpA], actor: 'staff' })
    recordCashPayment(s.ctx, { orderId: first.id, tendered: 4900, actor: 'staff' })
    const before = snapshot(s.db)
    for (const confirmOwned of [undefined, [], [s.gbpB]]) {
      let refusal: unknown
      try {
        createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpB, s.gbpA], confirmOwned, actor: 'staff' })
      } catch (error) {
        refusal = error
      }
      expect(refusal).toMatchObject({ code: 'conflict', message: expect.stringMatching(/already owns one of these courses/), details: { alreadyOwned: [s.gbpA] } })
    }
    expect(snapshot(s.db)).toBe(before)
    const again = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpB, s.gbpA], confirmOwned: [s.gbpA], actor: 'staff' })
    expect(again.ownedElsewhere).toEqual([expect.objectContaining({ courseId: s.gbpA, orderId: first.id })])
    expect(s.db.prepare("SELECT detail FROM audit_log WHERE action = 'order.created' AND order_id = ?").pluck().get(again.id)).toContain('"soldAgain":[' + s.gbpA + ']')
  })

  it('leaves ownership from an earlier order in place when the same course is bought again', () => {
    const s = shop()
    const first = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpA], actor: 'staff' })
    recordCashPayment(s.ctx, { orderId: first.id, tendered: 4900, actor: 'staff' })
    const second = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpA, s.gbpB], confirmOwned: [s.gbpA], actor: 'staff' })
    const paid = recordCashPayment(s.ctx, { orderId: second.id, tendered: 8800, actor: 'staff' })
    expect(paid.ownership.map((o) => o.courseId)).toEqual([s.gbpB])
    expect(s.db.prepare('SELECT order_id FROM account_has_course WHERE course_id = ?').pluck().get(s.gbpA)).toBe(first.id)
  })

  it('revokes on a full refund what that order granted, and only that', () => {
    const s = shop()
    const first = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpA], actor: 'staff' })
    recordCashPayment(s.ctx, { orderId: first.id, tendered: 4900, actor: 'staff' })
    const second = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpA, s.gbpB], confirmOwned: [s.gbpA], actor: 'staff' })
    const paid = recordCashPayment(s.ctx, { orderId: second.id, tendered: 8800, actor: 'staff' })
    const refund = s.db.prepare(
      `INSERT INTO refund (payment_id, amount, currency, status, reason, requested_by, created_at, updated_at)
       VALUES (?, ?, 'GBP', 'succeeded', 'requested_by_customer', 'manager', 0, 0)`,
    )
    refund.run(paid.payments[0]!.id, 1000)
    s.db.transaction(() => settleOrder(s.db, 1, second.id, 'manager', () => {}))()
    expect(getOrderDetail(s.db, second.id).status).toBe('partially_refunded')
    expect(count(s.db, 'account_has_course')).toBe(2)
    refund.run(paid.payments[0]!.id, 7800)
    s.db.transaction(() => settleOrder(s.db, 2, second.id, 'manager', () => {}))()
    expect(getOrderDetail(s.db, second.id).status).toBe('refunded')
    expect(s.db.prepare('SELECT course_id FROM account_has_course').pluck().all()).toEqual([s.gbpA])
    expect(s.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'course.revoked'").pluck().get()).toBe(1)
  })

  it('keeps a course the customer also paid for in another order when the granting order is refunded', () => {
    const s = shop()
    const first = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpA], actor: 'staff' })
    const firstPaid = recordCashPayment(s.ctx, { orderId: first.id, tendered: 4900, actor: 'staff' })
    const second = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpA], confirmOwned: [s.gbpA], actor: 'staff' })
    recordCashPayment(s.ctx, { orderId: second.id, tendered: 4900, actor: 'staff' })
    expect(s.db.prepare('SELECT order_id FROM account_has_course').pluck().all()).toEqual([first.id])
    s.db.prepare(
      `INSERT INTO refund (payment_id, amount, currency, status, reason, requested_by, created_at, updated_at)
       VALUES (?, 4900, 'GBP', 'succeeded', 'duplicate', 'manager', 0, 0)`,
    ).run(firstPaid.payments[0]!.id)
    s.db.transaction(() => settleOrder(s.db, 9, first.id, 'manager', () => {}))()
    expect(getOrderDetail(s.db, first.id).status).toBe('refunded')
    expect(s.db.prepare('SELECT order_id FROM account_has_course').pluck().all()).toEqual([second.id])
  })

  it('lets a manager revoke by hand, and a later settle does not re-grant it', () => {
    const s = shop()
    const order = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpA], actor: 'staff' })
    recordCashPayment(s.ctx, { orderId: order.id, tendered: 4900, actor: 'staff' })
    s.db.transaction(() => revokeCourse(s.db, 5, s.accountId, s.gbpA, 'manager', 'chargeback'))()
    s.db.transaction(() => settleOrder(s.db, 6, order.id, 'system', () => {}))()
    expect(count(s.db, 'account_has_course')).toBe(0)
    const detail = s.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'course.revoked'").get() as { actor: string; detail: string }
    expect(detail.actor).toBe('manager')
    expect(JSON.parse(detail.detail)).toMatchObject({ reason: 'chargeback' })
    expectRefusal(() => revokeCourse(s.db, 7, s.accountId, s.gbpA, 'manager', 'again'), 'not_found', /does not own/)
  })

  it.each([
    ['a zero amount', 0, /positive amount/],
    ['a negative amount', -100, /positive amount/],
    ['a fractional amount', 10.5, /positive amount/],
  ])('refuses cash of %s', (_what, tendered, message) => {
    const s = shop()
    const order = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpA], actor: 'staff' })
    const before = snapshot(s.db)
    expectRefusal(() => recordCashPayment(s.ctx, { orderId: order.id, tendered, actor: 'staff' }), 'invalid_input', message)
    expect(snapshot(s.db)).toBe(before)
  })

  it('refuses cash for a paid, canceled or unknown order and writes nothing', () => {
    const s = shop()
    const paid = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpA], actor: 'staff' })
    recordCashPayment(s.ctx, { orderId: paid.id, tendered: 4900, actor: 'staff' })
    const canceled = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpB], actor: 'staff' })
    expect(cancelOrder(s.ctx, { orderId: canceled.id, actor: 'staff' }).status).toBe('canceled')
    const before = snapshot(s.db)
    expectRefusal(() => recordCashPayment(s.ctx, { orderId: paid.id, tendered: 100, actor: 'staff' }), 'conflict', /successful and takes no more payments/)
    expectRefusal(() => recordCashPayment(s.ctx, { orderId: canceled.id, tendered: 100, actor: 'staff' }), 'conflict', /canceled/)
    expectRefusal(() => recordCashPayment(s.ctx, { orderId: 31337, tendered: 100, actor: 'staff' }), 'not_found', /Order 31337 does not exist/)
    expectRefusal(() => cancelOrder(s.ctx, { orderId: paid.id, actor: 'staff' }), 'conflict', /refund it instead/)
    expect(snapshot(s.db)).toBe(before)
  })

  it('waits for a card payment in progress before taking cash', () => {
    const s = shop()
    const order = createOrder(s.ctx, { accountId: s.accountId, courseIds: [s.gbpA], actor: 'staff' })
    s.db.prepare(
      `INSERT INTO payment (order_id, method, amount, currency, status, stripe_payment_intent_id, created_at, updated_at)
       VALUES (?, 'card', 4900, 'GBP', 'requires_action', 'pi_busy', 0, 0)`,
    ).run(order.id)
    const before = snapshot(s.db)
    expectRefusal(() => recordCashPayment(s.ctx, { orderId: order.id, tendered: 4900, actor: 'staff' }), 'conflict', /in progress/)
    expectRefusal(() => cancelOrder(s.ctx, { orderId: order.id, actor: 'staff' }), 'conflict', /in progress/)
    expect(snapshot(s.db)).toBe(before)
  })
})

describe('accounts', () => {
  it('creates, normalises and finds customers', () => {
    const { ctx, db } = tempStore()
    const ann = createAccount(ctx, { email: ' Ann.Lee@Example.COM ', name: ' Ann Lee ', phone: '+44 20 7946 0000', actor: 'staff' })
    expect(ann).toMatchObject({ email: 'ann.lee@example.com', name: 'Ann Lee', phone: '+44 20 7946 0000', stripeCustomerId: null })
    createAccount(ctx, { email: 'bob@example.com', name: 'Bob Annan', actor: 'staff' })
    expect(searchAccounts(db, 'ann').map((a) => a.name)).toEqual(['Ann Lee', 'Bob Annan'])
    expect(searchAccounts(db, 'EXAMPLE.com').length).toBe(2)
    expect(searchAccounts(db, '100%_')).toEqual([])
  })

  it('finds customers and courses whatever the accents: "zoe" finds Zoë, "shodo" finds Shōdō, and the other way round', () => {
    const { ctx, db } = tempStore()
    createAccount(ctx, { email: 'zoe@example.com', name: 'Zoë Ångström', actor: 'staff' })
    expect(searchAccounts(db, 'zoe angstrom').map((a) => a.name)).toEqual(['Zoë Ångström'])
    expect(searchAccounts(db, 'ZOË').map((a) => a.name)).toEqual(['Zoë Ångström'])
    const shodo = addCourse(db, { price: 6800, currency: 'JPY', title: 'Shōdō for beginners' })
    addCourse(db, { price: 100, currency: 'JPY', title: 'Sushi' })
    expect(listCourses(db, { query: 'shodo' }).map((c) => c.id)).toEqual([shodo])
    expect(listCourses(db, { query: 'SHŌDŌ' }).map((c) => c.id)).toEqual([shodo])
  })

  it.each([
    [{ email: 'not-an-email', name: 'X' }, 'invalid_input', /not an email address/],
    [{ email: 'x@example.com', name: '   ' }, 'invalid_input', /needs a name/],
    [{ email: 'x@example.com', name: 'X', phone: 'call me' }, 'invalid_input', /not a phone number/],
    [{ email: 'ANN@example.com', name: 'Dup' }, 'conflict', /already exists/],
  ])('refuses %o and writes nothing', (input, code, message) => {
    const { ctx, db } = tempStore()
    createAccount(ctx, { email: 'ann@example.com', name: 'Ann', actor: 'staff' })
    const before = snapshot(db)
    expectRefusal(() => createAccount(ctx, { ...input, actor: 'staff' }), code, message)
    expect(snapshot(db)).toBe(before)
  })
})
