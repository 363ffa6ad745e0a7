// `syncoxide`: the command-line face of the product. Each command lives in commands/.
import { Command } from 'commander';
import { statusCommand } from './commands/status.js';

const program = new Command('syncoxide')
  .description('Files in sync across storage providers, with one global view.')
  .showHelpAfterError();

program.addCommand(statusCommand());

await program.parseAsync(process.argv);
