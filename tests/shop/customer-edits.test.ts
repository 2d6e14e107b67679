import { afterAll, describe, expect, it } from 'vitest'
import { startProcessTill, type ProcessTill } from '../helpers/shop-tills'
import { settleAll, shopQuery, useShop } from './shop-fixtures'

type Customer = { id: number; email: string; name: string; phone: string | null }

// A customer corrected at one till is corrected at every till: the latest edit wins wherever it was made and in
// whatever order the tills push, every edit is recorded in the shop, and one email is still one person.
describe('shop mode: customer edits', () => {
  const shop = useShop()
  const started: ProcessTill[] = []
  afterAll(async () => {
    await Promise.all(started.map((t) => t.close()))
  })
  const customerAt = async (till: { query<T>(sql: string, params?: unknown[]): Promise<T[]> }, email: string) =>
    till.query<Customer>('SELECT id, email, name, phone FROM account WHERE email = ? COLLATE NOCASE', [email])

  it('reach the other tills, the latest edit winning; an email change renames the person; an email of another person converges on it', async () => {
    const [firstA, firstB] = await shop.startTills(2)
    let a = firstA
    let b = firstB
    const edith = await a!.call<Customer>('customers:create', { email: 'edit.me@example.com', name: 'Edith Original' })
    await settleAll([a!, b!])
    const [atB] = await customerAt(b!, 'edit.me@example.com')
    expect(atB?.name).toBe('Edith Original')

    await a!.call('customers:update', { customerId: edith.id, name: 'Edith Edited', phone: '+44 20 7946 0000' })
    await settleAll([a!, b!])
    expect(await customerAt(b!, 'edit.me@example.com')).toEqual([{ ...atB, name: 'Edith Edited', phone: '+44 20 7946 0000' }])
    const taken = await b!.query<{ detail: string }>("SELECT detail FROM audit_log WHERE action = 'account.updated_from_shop' AND entity_id = ?", [String(atB!.id)])
    expect(JSON.parse(taken[0]!.detail)).toMatchObject({ before: { name: 'Edith Original' }, after: { name: 'Edith Edited' } })

    // Both edit while the shop database is away; B's edit is the earlier, and A's wins at both whoever pushes first.
    shop.cluster.stop()
    await b!.call('customers:update', { customerId: atB!.id, name: 'Edith From B' })
    await new Promise((resolve) => setTimeout(resolve, 5)) // two edits in one millisecond would tie (then the greater installation wins)
    await a!.call('customers:update', { customerId: edith.id, name: 'Edith From A' })
    await b!.close() // B is off until A's later edit has landed: then B's older one must not undo it
    shop.cluster.start()
    await a!.settled()
    const bAgain = await startProcessTill({ shopUrl: shop.cluster.url, dataDir: b!.dataDir })
    started.push(bAgain)
    b = bAgain
    await settleAll([b, a!])
    expect((await customerAt(a!, 'edit.me@example.com'))[0]?.name).toBe('Edith From A')
    expect((await customerAt(b!, 'edit.me@example.com'))[0]?.name).toBe('Edith From A')
    const [person] = await shopQuery<{ id: number; name: string }>(shop.cluster, "SELECT id, name FROM shop_person WHERE email_key = 'edit.me@example.com'")
    expect(person?.name).toBe('Edith From A')
    const edits = await shopQuery<{ installation: string; outcome: string }>(shop.cluster, 'SELECT installation, outcome FROM shop_customer_edit WHERE person_id = $1 ORDER BY id', [
      person!.id,
    ])
    expect(edits.length).toBe(3)
    expect(edits.map((e) => [e.installation === a!.installation ? 'A' : 'B', e.outcome])).toEqual([['A', 'applied'], ['A', 'applied'], ['B', 'older']])

    // A new email: the same person, found at B by its previous email; nobody made twice.
    await a!.call('customers:update', { customerId: edith.id, email: 'edith.new@example.com' })
    await settleAll([a!, b!])
    expect(await customerAt(b!, 'edith.new@example.com')).toEqual([{ id: atB!.id, email: 'edith.new@example.com', name: 'Edith From A', phone: '+44 20 7946 0000' }])
    expect(await customerAt(b!, 'edit.me@example.com')).toEqual([])
    expect(await shopQuery(shop.cluster, "SELECT previous_email FROM shop_person WHERE email_key = 'edith.new@example.com'")).toEqual([{ previous_email: 'edit.me@example.com' }])
    expect(await shopQuery(shop.cluster, "SELECT id FROM shop_person WHERE email_key = 'edit.me@example.com'")).toEqual([])

    // An email another till gave someone meanwhile: A's customer converges on that person, and the merge is recorded.
    shop.cluster.stop()
    await b!.call('customers:create', { email: 'twin@example.com', name: 'Twin' })
    await a!.call('customers:update', { customerId: edith.id, email: 'twin@example.com' })
    await a!.close() // B's new customer lands first: A's edit then names another person's email
    shop.cluster.start()
    await b!.settled()
    a = await startProcessTill({ shopUrl: shop.cluster.url, dataDir: a!.dataDir })
    started.push(a)
    await settleAll([b!, a])
    const twins = await shopQuery<{ id: number }>(shop.cluster, "SELECT id::int FROM shop_person WHERE email_key = 'twin@example.com'")
    expect(twins).toHaveLength(1)
    // A's customer and B's new one are that one person, and the convergence is recorded.
    const [twinAtB] = await customerAt(b!, 'twin@example.com')
    const linked = await shopQuery<{ person_id: number }>(
      shop.cluster,
      'SELECT person_id::int FROM shop_account WHERE (installation = $1 AND id = $2) OR (installation = $3 AND id = $4)',
      [a!.installation, edith.id, b!.installation, twinAtB!.id],
    )
    expect(linked).toEqual([{ person_id: twins[0]!.id }, { person_id: twins[0]!.id }])
    expect(await shopQuery(shop.cluster, 'SELECT 1 FROM shop_customer_merge WHERE person_id = $1', [twins[0]!.id])).toHaveLength(1)
    for (const till of [a!, b!]) expect(await customerAt(till, 'twin@example.com')).toHaveLength(1)
  }, 180_000)

  it('refuses a bad edit with a clear error and changes nothing', async () => {
    const [a] = await shop.startTills(1)
    const one = await a!.call<Customer>('customers:create', { email: 'first@example.com', name: 'First' })
    await a!.call('customers:create', { email: 'second@example.com', name: 'Second' })
    const before = await a!.query('SELECT * FROM account ORDER BY id')
    await expect(a!.call('customers:update', { customerId: one.id, email: 'SECOND@example.com' })).rejects.toThrow(/conflict: A customer with the email second@example.com already exists/)
    await expect(a!.call('customers:update', { customerId: one.id, name: 'Card 4242 4242 4242 4242' })).rejects.toThrow(/card number/)
    await expect(a!.call('customers:update', { customerId: 999_999, name: 'Nobody' })).rejects.toThrow(/not_found/)
    expect(await a!.query('SELECT * FROM account ORDER BY id')).toEqual(before)
  }, 120_000)
})
