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
/** Matchers that compare objects/arrays: inside them a RegExp is compared as an object, never as a pattern. */
const OBJECT_MATCHERS = '/^(toMatchObject|toEqual|toStrictEqual|objectContaining|arrayContaining|toContainEqual|toHaveBeenCalledWith|toHaveBeenLastCalledWith|toHaveBeenNthCalledWith)$/'
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
  {
    // toMatchObject (Vitest and Playwright alike) takes a RegExp expected value for an object with no keys, so
    // `{ message: /text/ }` passed whatever the message said; toEqual and the rest never match a string with it.
    // Only literals are caught here: a RegExp held in a variable must go through expect.stringMatching too.
    files: ['tests/**/*.{ts,tsx}', 'packages/stripe-sandbox/test/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=${OBJECT_MATCHERS}] > :matches(ObjectExpression, ArrayExpression) :matches(Property > .value:matches(Literal[regex], NewExpression[callee.name='RegExp']), ArrayExpression > :matches(Literal[regex], NewExpression[callee.name='RegExp']))`,
          message: 'A RegExp inside an object/array matcher is not a pattern (toMatchObject treats it as an empty object and passes): write expect.stringMatching(/…/).',
        },
        {
          selector: `CallExpression[callee.property.name=${OBJECT_MATCHERS}] > :matches(Literal[regex], NewExpression[callee.name='RegExp'])`,
          message: 'A RegExp given to an object matcher is not a pattern: use toMatch(/…/) or expect.stringMatching(/…/).',
        },
      ],
    },
  },
)
