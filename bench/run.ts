// `npm run bench -- NAME [--size N] [...]`: runs bench/NAME/index.ts, whose `run(args)` prints a
// readable table and, as its very last line, one JSON object (see bench/report.ts).
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [name, ...args] = process.argv.slice(2);
const here = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`${here}${d.name}/index.ts`))
  .map((d) => d.name);

if (!name || !available.includes(name)) {
  console.error(`usage: npm run bench -- NAME [--size N]\navailable: ${available.join(', ') || '(none)'}`);
  process.exit(2);
}

const mod = (await import(`./${name}/index.ts`)) as { run: (args: string[]) => Promise<void> };
await mod.run(args);
