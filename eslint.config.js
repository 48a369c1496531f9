import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const bannedEngineGlobals = [
  { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Use the injected virtual clock (clock.now()), not Date.now.' },
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Use the injected virtual clock, not new Date().' },
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the injected seeded RNG, not Math.random.' },
];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'src/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'off',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-syntax': ['error', ...bannedEngineGlobals],
      'no-restricted-globals': ['error',
        { name: 'setTimeout', message: 'Use clock.after() from the injected virtual clock.' },
        { name: 'setInterval', message: 'Use clock.every() from the injected virtual clock.' },
        { name: 'window', message: 'The engine has no DOM.' },
        { name: 'document', message: 'The engine has no DOM.' },
        { name: 'process', message: 'The engine has no Node APIs.' },
      ],
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/ui/**', '**/hosts/**'], message: 'The engine must not import from ui or hosts.' },
          { group: ['react', 'react-dom', 'react/*', 'zustand', '@xterm/*', '@xyflow/*', 'monaco-editor', 'monaco-*'], message: 'The engine has no UI dependencies.' },
          { group: ['node:*'], message: 'The engine has no Node APIs.' },
        ],
        paths: ['fs', 'fs/promises', 'path', 'os', 'child_process', 'http', 'https', 'net', 'url', 'crypto', 'stream', 'events', 'util', 'buffer', 'worker_threads']
          .map((name) => ({ name, message: 'The engine has no Node APIs.' })),
      }],
    },
  },
  {
    files: ['src/engine/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/engine/*', '!**/engine/protocol'], message: 'The UI talks to the engine only through src/engine/protocol.ts.' },
          { group: ['**/hosts/node/**'], message: 'The UI must not import the Node host.' },
        ],
      }],
    },
  },
  {
    files: ['src/hosts/**/*.ts', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,js,mjs}', '*.config.{ts,js}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
