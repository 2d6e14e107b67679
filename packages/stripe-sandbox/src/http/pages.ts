// Browser-facing HTML routes (hosted checkout, the 3-D Secure challenge). No API key: like Stripe's own
// hosted pages, knowing the unguessable URL is the credential.

import type { Ctx } from '../context'
import type { FormObject } from './form'

export interface PageRequest extends Ctx {
  params: FormObject
  pathParams: Record<string, string>
}

export type PageReply = { status: number; html: string } | { redirect: string }

export interface PageRoute {
  method: 'GET' | 'POST'
  path: string
  handler: (request: PageRequest) => PageReply
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)
}

export function page(title: string, body: string, status = 200): PageReply {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem;color:#1a1f36}
label{display:block;margin:.75rem 0 .25rem;font-size:.9rem}input{width:100%;padding:.5rem;font-size:1rem;box-sizing:border-box}
button{margin-top:1rem;padding:.6rem 1.2rem;font-size:1rem}.error{color:#c0123c}.muted{color:#697386;font-size:.85rem}
table{width:100%;border-collapse:collapse}td{padding:.25rem 0}td:last-child{text-align:right}
</style></head><body>
<p class="muted">Stripe sandbox (test mode, offline)</p>
${body}
</body></html>`
  return { status, html }
}
