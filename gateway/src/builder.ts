// The one Pothos builder: context type and plugins. Types live one per file in schema/.
import SchemaBuilder from '@pothos/core';
import type { GatewayContext } from './context.js';

export const builder = new SchemaBuilder<{
  Context: GatewayContext;
  DefaultFieldNullability: false;
}>({
  defaultFieldNullability: false,
});

builder.queryType({});
