#!/usr/bin/env node
// The `syncoxide` command runs from TypeScript source through tsx, like every service.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
