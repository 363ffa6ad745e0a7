// Typed operations from the gateway's committed SDL: `npm run codegen -w @syncoxide/web`
// rewrites lib/gql/ (committed) after the schema or any graphql(`...`) document changes.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: process.env.SYNCOXIDE_SCHEMA ?? '../gateway/schema.graphql',
  documents: ['app/**/*.tsx', 'components/**/*.tsx', 'lib/**/*.ts', '!lib/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'lib/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
