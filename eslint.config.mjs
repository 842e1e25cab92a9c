import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'reports/', 'src/generated/', 'scratch/', '.stryker-tmp/'] },
  eslint.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: [
            '*.mjs',
            '*.cjs',
            '*.js',
            'test/support/*.js',
            'spectral-functions/*.js',
            'src/mock/control/page/*.js',
            'scripts/*.mjs',
          ],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    rules: {
      // `_name` marks a value left out on purpose, e.g. dropping a field by destructuring.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { module: 'readonly', process: 'readonly', require: 'readonly' } },
  },
  {
    // The control page runs in the browser.
    files: ['src/mock/control/page/*.js', 'scripts/*.mjs'],
    languageOptions: {
      globals: {
        document: 'readonly',
        fetch: 'readonly',
        location: 'readonly',
        EventSource: 'readonly',
        URLSearchParams: 'readonly',
        navigator: 'readonly',
      },
    },
  },
);
