import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Client } from '@opensearch-project/opensearch';
import { config, uniqueName } from './helpers.js';

test('opensearch: index with the common analyzers, then search', async () => {
  const client = new Client({ node: config.opensearch.url });
  const index = uniqueName('index');
  try {
    await client.indices.create({
      index,
      body: {
        settings: {
          number_of_shards: 1,
          number_of_replicas: 0,
          analysis: {
            tokenizer: {
              path: { type: 'path_hierarchy', delimiter: '/', buffer_size: 1024, reverse: false, skip: 0 },
              prefix: { type: 'edge_ngram', min_gram: 2, max_gram: 10, token_chars: ['letter', 'digit'] },
            },
            analyzer: {
              path: { type: 'custom', tokenizer: 'path' },
              prefix: { type: 'custom', tokenizer: 'prefix', filter: ['lowercase'] },
              words: {
                type: 'custom',
                tokenizer: 'whitespace',
                filter: ['word_delimiter_graph', 'lowercase'],
              },
            },
          },
        },
        mappings: {
          properties: {
            path: { type: 'text', analyzer: 'path', search_analyzer: 'keyword' },
            name: { type: 'text', analyzer: 'prefix', search_analyzer: 'standard' },
            words: { type: 'text', analyzer: 'words' },
          },
        },
      },
    });
    await client.bulk({
      refresh: true,
      body: [
        { index: { _index: index, _id: '1' } },
        { path: '/photos/2024/beach.jpg', name: 'Holiday', words: 'HolidayPhotos2024' },
        { index: { _index: index, _id: '2' } },
        { path: '/docs/report.pdf', name: 'Report', words: 'QuarterlyReport' },
      ],
    });
    const byFolder = await client.search({ index, body: { query: { term: { path: '/photos' } } } });
    assert.deepEqual(
      byFolder.body.hits.hits.map((h) => h._id),
      ['1'],
    );
    const byPrefix = await client.search({ index, body: { query: { match: { name: 'rep' } } } });
    assert.deepEqual(
      byPrefix.body.hits.hits.map((h) => h._id),
      ['2'],
    );
    const byWord = await client.search({ index, body: { query: { match: { words: 'photos' } } } });
    assert.deepEqual(
      byWord.body.hits.hits.map((h) => h._id),
      ['1'],
    );
  } finally {
    await client.indices.delete({ index }).catch(() => undefined);
    await client.close();
  }
});
