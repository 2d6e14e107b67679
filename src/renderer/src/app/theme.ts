import { useEffect, useState } from 'react'

export type ThemeChoice = 'system' | 'light' | 'dark'
const KEY = 'coursetill.theme'

/** Light, dark, or whatever the system prefers; remembered on this machine only. */
export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(() => (localStorage.getItem(KEY) as ThemeChoice | null) ?? 'system')
  useEffect(() => {
    if (choice === 'system') document.documentElement.removeAttribute('data-theme')
    else document.documentElement.setAttribute('data-theme', choice)
    localStorage.setItem(KEY, choice)
  }, [choice])
  return [choice, setChoice]
}

/** Whether the page is dark right now (the choice, or the system's preference), following every change. */
export function useIsDark(): boolean {
  const read = () => {
    const chosen = document.documentElement.getAttribute('data-theme')
    return chosen === 'dark' || (chosen === null && window.matchMedia('(prefers-color-scheme: dark)').matches)
  }
  const [dark, setDark] = useState(read)
  useEffect(() => {
    const update = () => setDark(read())
    const observer = new MutationObserver(update)
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    media.addEventListener('change', update)
    return () => {
      observer.disconnect()
      media.removeEventListener('change', update)
    }
  }, [])
  return dark
}
