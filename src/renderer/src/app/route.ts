import { useEffect, useState } from 'react'

export const SCREENS = ['sell', 'orders', 'customers', 'reports', 'settings', 'shift', 'staff', 'unmatched'] as const
export type Screen = (typeof SCREENS)[number]

export interface Route {
  screen: Screen
  /** The rest of the path, e.g. an order id in #/orders/42. */
  params: string[]
}

export function parseHash(hash: string): Route {
  // A ?query (a screen's own state, e.g. the Orders filters) is not part of the route.
  const [first, ...params] = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean)
  const screen = (SCREENS as readonly string[]).includes(first ?? '') ? (first as Screen) : 'sell'
  return { screen, params }
}

export function navigate(screen: Screen, ...params: Array<string | number>) {
  window.location.hash = `#/${[screen, ...params].join('/')}`
}

/** Hash routing: a reload keeps the screen, and there is no server route to configure in either host. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash))
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return route
}
