// The product's long-running processes, started by `npm start` in this order.
export const PROCESSES = [
  { name: 'gateway', cmd: 'npx', args: ['tsx', 'src/main.ts'], cwd: 'gateway' },
  {
    name: 'web',
    cmd: 'npx',
    args: ['next', 'start', '-p', process.env.SYNCOXIDE_WEB_PORT ?? '3000'],
    cwd: 'web',
  },
];
