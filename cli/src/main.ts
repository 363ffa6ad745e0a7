// `syncoxide`: the command-line face of the product. Each command lives in commands/.
import { Command } from 'commander';
import { statusCommand } from './commands/status.js';
import { workerCommand } from './commands/worker.js';

const program = new Command('syncoxide')
  .description('Files in sync across storage providers, with one global view.')
  .showHelpAfterError();

program.addCommand(statusCommand());
program.addCommand(workerCommand());

await program.parseAsync(process.argv);
