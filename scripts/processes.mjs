// The product's long-running processes, started by `npm start` in this order.
const syncoxide = ['tsx', '../cli/src/main.ts'];
export const PROCESSES = [
  { name: 'gateway', cmd: 'npx', args: ['tsx', 'src/main.ts'], cwd: 'gateway' },
  { name: 'relay', cmd: 'npx', args: [...syncoxide, 'worker', 'relay'], cwd: 'cli' },
  { name: 'indexer', cmd: 'npx', args: [...syncoxide, 'worker', 'indexer'], cwd: 'cli' },
  { name: 'activity', cmd: 'npx', args: [...syncoxide, 'worker', 'activity'], cwd: 'cli' },
  // glibc gives each libvips thread a malloc arena and fragments them; two about halve the RSS.
  {
    name: 'photos',
    cmd: 'env',
    args: ['MALLOC_ARENA_MAX=2', 'npx', ...syncoxide, 'worker', 'photos'],
    cwd: 'cli',
  },
  {
    name: 'web',
    cmd: 'npx',
    args: ['next', 'start', '-p', process.env.SYNCOXIDE_WEB_PORT ?? '3000'],
    cwd: 'web',
  },
];
