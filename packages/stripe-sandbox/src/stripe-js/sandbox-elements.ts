// The sandbox `elements` group: what `stripe.elements(options)` returns and what
// <Elements> puts in React context. Only the Payment Element exists here, since
// that is the only element CourseTill's checkout mounts.

import type { Appearance, StripeError } from '@stripe/stripe-js'
import { createElementEvents, type ElementEventHandler } from './element-events'
import { createPaymentElement, type PaymentElementController, type SandboxPaymentElementApi } from './sandbox-payment-element'
import { integrationError, validationError } from './stripe-errors'

export interface SandboxElementsOptions {
  clientSecret?: string
  appearance?: Appearance
  [option: string]: unknown
}

export type SubmitResult = { error: StripeError; selectedPaymentMethod?: undefined } | { selectedPaymentMethod: string; error?: undefined }

export interface SandboxElementsApi {
  create(type: string, options?: { readOnly?: boolean }): SandboxPaymentElementApi
  getElement(type: string): SandboxPaymentElementApi | null
  update(options: SandboxElementsOptions): Promise<void>
  fetchUpdates(): Promise<{ error?: { message: string } }>
  submit(): Promise<SubmitResult>
  on(type: string, handler: ElementEventHandler): void
}

export interface ElementsController {
  clientSecret(): string | undefined
  /** The mounted Payment Element, or an error explaining why there is none. */
  mountedPaymentElement(): PaymentElementController | StripeError
}

// confirmPayment receives the public `elements` object; this finds the sandbox state behind it.
const controllers = new WeakMap<object, ElementsController>()

export function elementsControllerOf(elements: unknown): ElementsController | null {
  return typeof elements === 'object' && elements !== null ? (controllers.get(elements) ?? null) : null
}

export function createSandboxElements(initialOptions: SandboxElementsOptions | undefined): SandboxElementsApi {
  let options: SandboxElementsOptions = { ...initialOptions }
  let payment: PaymentElementController | null = null
  const events = createElementEvents()

  const mountedPaymentElement = (): PaymentElementController | StripeError =>
    payment?.isMounted()
      ? payment
      : integrationError('The Payment Element is not mounted. Render <PaymentElement> inside <Elements> before confirming.')

  const api: SandboxElementsApi = {
    create(type, elementOptions) {
      if (type !== 'payment') {
        throw new Error(`The CourseTill Stripe sandbox only provides the Payment Element, not '${type}'.`)
      }
      if (payment && !payment.isDestroyed()) throw new Error('Can only create one Element of type payment.')
      const created = createPaymentElement({
        appearance: options.appearance,
        readOnly: elementOptions?.readOnly === true,
        onDestroy: () => {
          if (payment === created) payment = null
        },
      })
      payment = created
      return created.publicElement
    },

    getElement: (type) => (type === 'payment' && payment ? payment.publicElement : null),

    async update(changes) {
      // clientSecret cannot change after creation, as in Stripe.js (react-stripe-js warns too).
      const { clientSecret: _ignored, ...mutable } = changes
      options = { ...options, ...mutable }
      if ('appearance' in mutable) payment?.setAppearance(options.appearance)
      events.emit('update-end', undefined)
    },

    fetchUpdates: async () => ({}),

    async submit() {
      const element = mountedPaymentElement()
      if (!('publicElement' in element)) return { error: element }
      const fieldError = element.validate()
      return fieldError ? { error: validationError(fieldError) } : { selectedPaymentMethod: 'card' }
    },

    on: (type, handler) => events.on(type, handler),
  }

  controllers.set(api, { clientSecret: () => options.clientSecret, mountedPaymentElement })
  return api
}
