import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'

// The layering is law: shared ← core ← shells ← the composition root (src/main/compose.ts).
// Core declares what it needs as ports (src/main/core/ports.ts) and never imports a shell; a shell never imports
// another shell or the root; only the root and the two entry points (index.ts, host.ts) assemble.
const SHELLS = ['webhooks', 'tunnel', 'host', 'electron', 'stripe-sdk', 'shop-pg']
/** The sandbox shell is a workspace package: only compose.ts plugs it in. */
const SANDBOX = { name: '@coursetill/stripe-sandbox', message: 'Only compose.ts plugs the sandbox in (the StartLocalStripe port).' }
const ROOT = ['compose', 'compose-view']
/** Relative specifiers that reach `names` (folders or modules) under src/main from one or two levels down. */
const reaching = (names) => names.flatMap((name) => [`../${name}`, `../${name}/*`, `../../${name}`, `../../${name}/*`, `../../../${name}`, `../../../${name}/*`])

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'reports/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'src/shared is imported by every process, the sandboxed renderer included.' }],
          patterns: [{ group: reaching(['main', 'renderer', 'preload']), message: 'src/shared imports nothing from the processes that import it.' }],
        },
      ],
    },
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Core runs in plain Node (tests, browser host): only src/main/electron/ may import electron.' },
            { name: 'stripe', allowTypeImports: true, message: 'Core gets Stripe clients through the StripeFactory port (core/ports.ts); types are fine.' },
            { name: '@ngrok/ngrok', message: 'Core reaches the tunnel through the TunnelDriver port.' },
            SANDBOX,
          ],
          patterns: [
            { group: reaching(SHELLS), message: 'Core never imports a shell: declare a port in core/ports.ts and let compose.ts plug the shell in.' },
            { group: reaching(ROOT), message: 'Core never imports the composition root.' },
          ],
        },
      ],
    },
  },
  ...SHELLS.map((shell) => ({
    files: [`src/main/${shell}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: reaching(SHELLS.filter((other) => other !== shell)), message: 'A shell never imports another shell: compose.ts connects them.' },
            { group: reaching(ROOT), message: 'A shell never imports the composition root.' },
          ],
          paths: [SANDBOX, ...(shell === 'electron' ? [] : [{ name: 'electron', message: 'Only src/main/electron/ may import electron.' }])],
        },
      ],
    },
  })),
  {
    // One logger, injected: internal errors reach coursetill.log and Settings → Log, not a console nobody reads.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/index.ts', 'src/main/host.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // The sandbox is a package of its own: nothing from the app, so it can be used (and published) alone.
    files: ['packages/stripe-sandbox/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@shared/*', '@renderer/*', '**/src/main/**', '**/src/shared/**', '**/src/renderer/**'], message: 'The sandbox package imports nothing from the app.' }] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
)
