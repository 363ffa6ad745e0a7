// Importing a type file registers it on the builder; toSchema() then builds the whole schema.
import { builder } from '../builder.js';
import './account.js';
import './health.js';
import './file.js';
import './remote.js';
import './rules.js';
import './details.js';
import './views.js';
import './search.js';
import './file-mutations.js';
import './subscriptions.js';
import './links.js';
import './analytics.js';
import './photos.js';
import './sharing.js';
import './notifications.js';

export const schema = builder.toSchema({ sortSchema: true });
