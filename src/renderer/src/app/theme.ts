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
