// Looks for the sandbox card form and 3-D Secure dialog. The app's CSP may forbid
// <style> text and style attributes, so rules go in one constructed stylesheet
// (adoptedStyleSheets) and theme colours in CSS custom properties set via CSSOM.

import type { Appearance } from '@stripe/stripe-js'

const RULES = `
.ctsbx-form { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; font-family: var(--ctsbx-font); color: var(--ctsbx-text); }
.ctsbx-field { display: flex; flex-direction: column; gap: 4px; min-width: 0; }
.ctsbx-field--wide { grid-column: 1 / -1; }
.ctsbx-label { font-size: 14px; color: var(--ctsbx-label); }
.ctsbx-box { position: relative; display: flex; align-items: center; }
.ctsbx-input { box-sizing: border-box; width: 100%; margin: 0; padding: 11px 12px; font: inherit; font-size: 16px; line-height: 1.3;
  color: var(--ctsbx-text); background: var(--ctsbx-input-bg); border: 1px solid var(--ctsbx-border); border-radius: var(--ctsbx-radius);
  box-shadow: 0 1px 1px rgba(0, 0, 0, 0.03), 0 3px 6px rgba(0, 0, 0, 0.02); outline: none; transition: border-color 0.15s, box-shadow 0.15s; }
.ctsbx-input::placeholder { color: var(--ctsbx-placeholder); }
.ctsbx-input:focus { border-color: var(--ctsbx-primary); box-shadow: 0 0 0 3px var(--ctsbx-focus-ring); }
.ctsbx-input[aria-invalid="true"] { border-color: var(--ctsbx-danger); color: var(--ctsbx-danger); }
.ctsbx-input[aria-invalid="true"]:focus { box-shadow: 0 0 0 3px var(--ctsbx-danger-ring); }
.ctsbx-input:disabled { opacity: 0.6; cursor: not-allowed; }
.ctsbx-input--number { padding-right: 140px; }
.ctsbx-brand { position: absolute; right: 10px; padding: 2px 6px; font-size: 12px; font-weight: 600; color: var(--ctsbx-label);
  border: 1px solid var(--ctsbx-border); border-radius: 4px; background: var(--ctsbx-input-bg); pointer-events: none; }
.ctsbx-brand:empty, .ctsbx-error:empty { display: none; }
.ctsbx-error { font-size: 13px; color: var(--ctsbx-danger); }
.ctsbx-note { grid-column: 1 / -1; font-size: 12px; color: var(--ctsbx-label); }
.ctsbx-3ds { box-sizing: border-box; width: min(400px, calc(100vw - 32px)); padding: 24px; border: none; border-radius: 12px;
  font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #30313d; background: #fff; box-shadow: 0 12px 40px rgba(0, 0, 0, 0.3); }
.ctsbx-3ds::backdrop { background: rgba(10, 12, 20, 0.55); }
.ctsbx-3ds-bank { margin: 0 0 12px; font-size: 12px; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; color: #6c7688; }
.ctsbx-3ds-title { margin: 0 0 8px; font-size: 20px; }
.ctsbx-3ds-text { margin: 0 0 20px; font-size: 14px; line-height: 1.5; color: #4f566b; }
.ctsbx-3ds-actions { display: flex; justify-content: flex-end; gap: 8px; }
.ctsbx-button { padding: 9px 16px; font: inherit; font-size: 14px; font-weight: 600; border-radius: 6px; cursor: pointer;
  border: 1px solid #d5dbe1; background: #fff; color: #30313d; }
.ctsbx-button--primary { border-color: #0570de; background: #0570de; color: #fff; }
.ctsbx-button:focus-visible { outline: 3px solid rgba(5, 112, 222, 0.35); outline-offset: 1px; }
`

interface ThemePalette {
  font: string
  text: string
  label: string
  placeholder: string
  inputBackground: string
  border: string
  primary: string
  danger: string
  radius: string
}

const SYSTEM_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif'

const THEMES: Readonly<Record<NonNullable<Appearance['theme']>, ThemePalette>> = {
  stripe: { font: SYSTEM_FONT, text: '#30313d', label: '#5e6470', placeholder: '#8d929c', inputBackground: '#ffffff',
    border: '#e0e0e6', primary: '#0570de', danger: '#df1b41', radius: '5px' },
  night: { font: SYSTEM_FONT, text: '#ffffff', label: '#c9cbd1', placeholder: '#8b8d98', inputBackground: '#30313d',
    border: '#424353', primary: '#0570de', danger: '#fe87a1', radius: '5px' },
  flat: { font: SYSTEM_FONT, text: '#30313d', label: '#5e6470', placeholder: '#8d929c', inputBackground: '#f1f1f4',
    border: '#f1f1f4', primary: '#0570de', danger: '#df1b41', radius: '5px' },
}

const adopted = new WeakSet<Document>()

/** Adds the sandbox stylesheet to the document once. */
export function adoptSandboxStyles(doc: Document): void {
  if (adopted.has(doc)) return
  const SheetClass = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet
  const sheet = new SheetClass()
  sheet.replaceSync(RULES)
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet]
  adopted.add(doc)
}

/** The appearance options Elements honours most visibly: theme plus the main colour, font and radius variables. */
export function paletteFor(appearance: Appearance | undefined): ThemePalette {
  const base = THEMES[appearance?.theme ?? 'stripe']
  const variables = appearance?.variables ?? {}
  return {
    ...base,
    font: variables.fontFamily ?? base.font,
    text: variables.colorText ?? base.text,
    inputBackground: variables.colorBackground ?? base.inputBackground,
    primary: variables.colorPrimary ?? base.primary,
    danger: variables.colorDanger ?? base.danger,
    radius: variables.borderRadius ?? base.radius,
  }
}

export function applyPalette(root: HTMLElement, palette: ThemePalette): void {
  const properties: Record<string, string> = {
    '--ctsbx-font': palette.font,
    '--ctsbx-text': palette.text,
    '--ctsbx-label': palette.label,
    '--ctsbx-placeholder': palette.placeholder,
    '--ctsbx-input-bg': palette.inputBackground,
    '--ctsbx-border': palette.border,
    '--ctsbx-primary': palette.primary,
    '--ctsbx-danger': palette.danger,
    '--ctsbx-radius': palette.radius,
    '--ctsbx-focus-ring': `color-mix(in srgb, ${palette.primary} 25%, transparent)`,
    '--ctsbx-danger-ring': `color-mix(in srgb, ${palette.danger} 25%, transparent)`,
  }
  for (const [name, value] of Object.entries(properties)) root.style.setProperty(name, value)
}
