// The on/once/off listener registry behind `element.on('change', ...)` and friends.

export type ElementEventHandler = (payload: unknown) => void

export interface ElementEvents {
  on(type: string, handler: ElementEventHandler): void
  once(type: string, handler: ElementEventHandler): void
  off(type: string, handler?: ElementEventHandler): void
  emit(type: string, payload: unknown): void
  clear(): void
}

export function createElementEvents(): ElementEvents {
  const handlers = new Map<string, Set<ElementEventHandler>>()
  // once() wraps the handler, so off() must find the wrapper from the original.
  const onceWrappers = new WeakMap<ElementEventHandler, ElementEventHandler>()

  const on = (type: string, handler: ElementEventHandler): void => {
    let set = handlers.get(type)
    if (!set) {
      set = new Set()
      handlers.set(type, set)
    }
    set.add(handler)
  }

  const off = (type: string, handler?: ElementEventHandler): void => {
    if (!handler) {
      handlers.delete(type)
      return
    }
    handlers.get(type)?.delete(handler)
    const wrapper = onceWrappers.get(handler)
    if (wrapper) handlers.get(type)?.delete(wrapper)
  }

  return {
    on,
    off,
    once(type, handler) {
      const wrapper: ElementEventHandler = (payload) => {
        off(type, handler)
        handler(payload)
      }
      onceWrappers.set(handler, wrapper)
      on(type, wrapper)
    },
    emit(type, payload) {
      // Copy first: a handler may remove itself (once) while we iterate.
      for (const handler of [...(handlers.get(type) ?? [])]) handler(payload)
    },
    clear() {
      handlers.clear()
    },
  }
}
