// `npm run engines -- up|down|status|logs [engine...]`: the local engines without Docker.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isSyncoxideError, loadConfig } from '@syncoxide/core';
import { type EngineReport, engineStatus, ensureEngines, logFileOf, stopEngines } from './engines.js';
import { tailLines } from './process.js';
import { ENGINES, type EngineName, resolveSettings } from './settings.js';

const USAGE = `usage: npm run engines -- <command> [engine...] [options]

commands:
  up [engine...]       fetch (first time) and start engines, wait until healthy
  down [engine...]     stop neo4j, kafka, opensearch (postgres, redis only when named)
  status [--json]      running/stopped, pid, port, version of each engine
  logs <engine> [-f] [-n N]   print (or follow) an engine's log

engines: ${ENGINES.join(', ')}`;

function parseEngines(names: string[]): EngineName[] | undefined {
  if (names.length === 0) return undefined;
  for (const name of names) {
    if (!(ENGINES as readonly string[]).includes(name))
      throw new Error(`unknown engine "${name}"\n\n${USAGE}`);
  }
  return names as EngineName[];
}

function printReports(reports: EngineReport[]): void {
  for (const r of reports) {
    const extra = [
      r.pid ? `pid ${r.pid}` : '',
      r.version ?? '',
      r.ms > 50 ? `${(r.ms / 1000).toFixed(1)} s` : '',
    ]
      .filter(Boolean)
      .join(', ');
    console.log(`${r.engine.padEnd(11)} ${r.action.padEnd(16)} port ${String(r.port).padEnd(6)} ${extra}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const flags = rest.filter((a) => a.startsWith('-'));
  const positional = rest.filter((a, i) => !a.startsWith('-') && rest[i - 1] !== '-n');
  const config = loadConfig();
  switch (command) {
    case 'up': {
      const started = Date.now();
      const reports = await ensureEngines(config, {
        engines: parseEngines(positional),
        log: (line) => console.log(line),
      });
      printReports(reports);
      const all = reports.every((r) => r.action === 'already running');
      console.log(
        all
          ? 'all engines were already running; nothing to do'
          : `engines up in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      return 0;
    }
    case 'down': {
      printReports(
        await stopEngines(config, { engines: parseEngines(positional), log: (line) => console.log(line) }),
      );
      return 0;
    }
    case 'status': {
      const states = await engineStatus(config);
      if (flags.includes('--json')) {
        console.log(JSON.stringify(states, null, 2));
      } else {
        for (const s of states) {
          const state = s.running ? 'running' : 'stopped';
          const detail = s.running ? (s.version ?? '') : (s.error ?? '');
          const pid = s.pid ? `pid ${s.pid}` : '';
          console.log(
            `${s.engine.padEnd(11)} ${state.padEnd(8)} port ${String(s.port).padEnd(6)} ${pid.padEnd(11)} ${detail}`,
          );
        }
      }
      return states.every((s) => s.running) ? 0 : 3;
    }
    case 'logs': {
      const [engine] = parseEngines(positional) ?? [];
      if (!engine) throw new Error(`logs needs an engine\n\n${USAGE}`);
      const file = logFileOf(resolveSettings(config), engine);
      if (!file || !existsSync(file))
        throw new Error(`no log file for ${engine}${file ? ` at ${file}` : ''}`);
      const nIndex = rest.indexOf('-n');
      const lines = nIndex >= 0 ? Number(rest[nIndex + 1]) || 50 : 50;
      if (flags.includes('-f') || flags.includes('--follow')) {
        const tail = spawn('tail', ['-n', String(lines), '-F', file], { stdio: 'inherit' });
        return new Promise((resolve) => tail.once('exit', (code) => resolve(code ?? 0)));
      }
      console.log(`==> ${file} <==`);
      console.log(tailLines(file, lines));
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return command ? 0 : 2;
    default:
      console.error(`unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    const message = isSyncoxideError(err) || err instanceof Error ? err.message : String(err);
    console.error(`engines: ${message}`);
    process.exit(1);
  },
);
