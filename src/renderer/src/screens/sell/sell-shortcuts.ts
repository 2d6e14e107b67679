import { useEffect, useRef, type RefObject } from 'react'

interface SellShortcuts {
  search: RefObject<HTMLInputElement | null>
  customer: RefObject<HTMLInputElement | null>
  charge: () => void
  park: () => void
}

/** Function keys, so they work from any field without clashing with typing: F2 courses, F4 customer, F8 park, F9 charge. */
export function useSellShortcuts(actions: SellShortcuts) {
  const latest = useRef(actions)
  latest.current = actions
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (document.querySelector('[role="dialog"]')) return
      const { search, customer, charge, park } = latest.current
      if (event.key === 'F2') search.current?.focus()
      else if (event.key === 'F4') customer.current?.focus()
      else if (event.key === 'F8') park()
      else if (event.key === 'F9') charge()
      else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
