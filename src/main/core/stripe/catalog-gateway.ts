import type Stripe from 'stripe'
import { AppError } from '@shared/errors'
import { call } from './gateway-call'
import { idempotencyKey, INSTALL_METADATA_KEY } from './installation-scope'

export interface PublishedCourse {
  code: string
  title: string
  description: string
  amount: number
  currency: string
}

/** The product id a course has in Stripe: chosen by us, so every till of the shop finds the same one. */
export const courseProductId = (code: string) => `coursetill_course_${code.replace(/[^A-Za-z0-9_-]/g, '_')}`

/**
 * The catalog in Stripe: one product per course (a fixed id), its current price carrying the course's lookup
 * key. Creates carry this installation's idempotency keys and name it in metadata beside the course code.
 */
export function createCatalogGateway(stripe: Stripe, installationId: string) {
  const key = (...parts: Array<string | number>) => ({ idempotencyKey: idempotencyKey(installationId, ...parts) })
  const owner = { [INSTALL_METADATA_KEY]: installationId }
  return {
    async priceByLookupKey(lookupKey: string): Promise<Stripe.Price | null> {
      const found = await call(() => stripe.prices.list({ lookup_keys: [lookupKey], limit: 1 }))
      return found.data[0] ?? null
    },

    /** The course's product, made once for the whole shop: another till may have made it already. */
    async ensureProduct(course: PublishedCourse, codeKey: string): Promise<Stripe.Product> {
      const id = courseProductId(course.code)
      try {
        return await call(() =>
          stripe.products.create(
            { id, name: course.title, ...(course.description ? { description: course.description } : {}), metadata: { ...owner, [codeKey]: course.code } },
            key('course', course.code, 'product'),
          ),
        )
      } catch (error) {
        if (!(error instanceof AppError) || error.details?.code !== 'resource_already_exists') throw error
        const existing = await call(() => stripe.products.retrieve(id))
        return existing.active ? existing : call(() => stripe.products.update(id, { active: true }, key('course', course.code, 'product', 'reactivate', Date.now())))
      }
    },

    createPrice(course: PublishedCourse, productId: string, lookupKey: string, codeKey: string) {
      return call(() =>
        stripe.prices.create(
          {
            product: productId,
            currency: course.currency.toLowerCase(),
            unit_amount: course.amount,
            lookup_key: lookupKey,
            // A new price for the course takes the key from the old one.
            transfer_lookup_key: true,
            metadata: { ...owner, [codeKey]: course.code },
          },
          key('course', course.code, 'price', course.amount, course.currency),
        ),
      )
    },

    archivePrice: (id: string) => call(() => stripe.prices.update(id, { active: false }, key(id, 'archive'))),

    archiveProduct: (id: string) => call(() => stripe.products.update(id, { active: false }, key(id, 'archive', Date.now()))),
  }
}

export type CatalogGateway = ReturnType<typeof createCatalogGateway>
