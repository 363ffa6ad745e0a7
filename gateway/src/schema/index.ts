// Importing a type file registers it on the builder; toSchema() then builds the whole schema.
import { builder } from '../builder.js';
import './account.js';
import './health.js';

export const schema = builder.toSchema({ sortSchema: true });
