// The sandbox `PaymentElement`: the object `elements.create('payment')` returns.
// Its public side is what @stripe/react-stripe-js and checkout code call; its
// controller side is what the sandbox's confirmPayment uses to read the card.

import type { Appearance } from '@stripe/stripe-js'
import { EMPTY_CARD_VALUES, firstCardFieldError, type CardFieldError, type CardFieldValues } from './card-field-errors'
import { drawCardForm, type CardForm, type CardFormState } from './card-form'
import { createElementEvents, type ElementEventHandler } from './element-events'

export interface PaymentElementController {
  /** Handed to the caller of elements.create(); cast to StripePaymentElement at the Stripe boundary. */
  readonly publicElement: SandboxPaymentElementApi
  isMounted(): boolean
  isDestroyed(): boolean
  /** A confirmation is in flight: the form is locked until it settles. */
  isBusy(): boolean
  readCard(): CardFieldValues
  /** Validates like elements.submit(): reveals inline errors and returns the first one. */
  validate(): CardFieldError | null
  setBusy(busy: boolean): void
  setAppearance(appearance: Appearance | undefined): void
}

export interface SandboxPaymentElementApi {
  mount(target: string | HTMLElement): void
  unmount(): void
  destroy(): void
  on(type: string, handler: ElementEventHandler): SandboxPaymentElementApi
  once(type: string, handler: ElementEventHandler): SandboxPaymentElementApi
  off(type: string, handler?: ElementEventHandler): SandboxPaymentElementApi
  update(options: { readOnly?: boolean }): void
  focus(): void
  blur(): void
  clear(): void
  collapse(): SandboxPaymentElementApi
}

interface PaymentElementSetup {
  appearance: Appearance | undefined
  readOnly: boolean
  onDestroy(): void
}

const EVENT_BASE = { elementType: 'payment' } as const

export function createPaymentElement(setup: PaymentElementSetup): PaymentElementController {
  const events = createElementEvents()
  let form: CardForm | null = null
  let savedValues = EMPTY_CARD_VALUES // kept across unmount/mount, as Elements does
  let appearance = setup.appearance
  let readOnly = setup.readOnly
  let busy = false
  let destroyed = false

  const emitChange = (state: CardFormState): void =>
    events.emit('change', { ...EVENT_BASE, ...state, collapsed: false, value: { type: 'card' } })

  function mount(target: string | HTMLElement): void {
    if (destroyed) throw new Error('This Element has already been destroyed. Please create a new one.')
    if (form) throw new Error('This Element is already mounted. Use `unmount()` before mounting it again.')
    const container = typeof target === 'string' ? document.querySelector<HTMLElement>(target) : target
    if (!container) throw new Error(`The selector you specified (${String(target)}) applies to no DOM elements.`)
    const drawn = drawCardForm(container, { appearance, initialValues: savedValues, readOnly: readOnly || busy }, {
      onChange: emitChange,
      onFocus: () => events.emit('focus', EVENT_BASE),
      onBlur: () => events.emit('blur', EVENT_BASE),
      onEscape: () => events.emit('escape', EVENT_BASE),
    })
    form = drawn
    // Stripe's iframe reports ready asynchronously; React attaches onReady after mount() returns.
    setTimeout(() => {
      if (form !== drawn) return
      events.emit('loaderstart', EVENT_BASE)
      events.emit('ready', EVENT_BASE)
    }, 0)
  }

  function unmount(): void {
    if (!form) return
    savedValues = form.values()
    form.remove()
    form = null
  }

  const publicElement: SandboxPaymentElementApi = {
    mount,
    unmount,
    destroy() {
      if (destroyed) return
      unmount()
      destroyed = true
      events.clear()
      setup.onDestroy()
    },
    on(type, handler) {
      events.on(type, handler)
      return publicElement
    },
    once(type, handler) {
      events.once(type, handler)
      return publicElement
    },
    off(type, handler) {
      events.off(type, handler)
      return publicElement
    },
    update(options) {
      if (typeof options.readOnly === 'boolean') {
        readOnly = options.readOnly
        form?.setReadOnly(readOnly || busy)
      }
      // layout, fields, terms, wallets...: one card form has nothing to rearrange.
    },
    focus: () => form?.focus(),
    blur: () => form?.blur(),
    clear: () => form?.clear(),
    collapse: () => publicElement, // only meaningful for the accordion layout
  }

  return {
    publicElement,
    isMounted: () => form !== null,
    isDestroyed: () => destroyed,
    isBusy: () => busy,
    readCard: () => form?.values() ?? savedValues,
    validate() {
      if (!form) return null
      form.revealAllErrors()
      return firstCardFieldError(form.errors())
    },
    setBusy(value) {
      busy = value
      form?.setReadOnly(readOnly || busy)
    },
    setAppearance(value) {
      appearance = value
      form?.setAppearance(value)
    },
  }
}
