// Child process of the SIGKILL resume test: starts a resumable upload through the registry,
// appends a first chunk, persists the session state to a file, then starts a second append
// that never finishes, and waits to be killed.
import { rename, writeFile } from 'node:fs/promises';
import { createProvider } from '../../src/providers/registry.js';
import { pattern } from './data.js';

interface Job {
  config: Parameters<typeof createProvider>[0];
  path: string;
  size: number;
  seed: number;
  firstChunk: number;
  secondChunk: number;
  stateFile: string;
}

const job = JSON.parse(process.env.SYNCOXIDE_RESUME_JOB ?? '') as Job;
const provider = await createProvider(job.config);
const session = await provider.beginUpload(job.path, { size: job.size });
await session.append(pattern(job.firstChunk, { seed: job.seed }));
// Written then renamed, like the journal would: the parent never reads half a state file.
await writeFile(`${job.stateFile}.tmp`, JSON.stringify(session.state));
await rename(`${job.stateFile}.tmp`, job.stateFile);
const second = pattern(job.size, {
  seed: job.seed,
  start: session.state.offset,
  pauseAt: session.state.offset + job.secondChunk,
});
void session.append(second);
await second.reached;
// Give the provider a moment to push what it has read towards storage before the kill.
setTimeout(() => process.stdout.write('paused\n'), 300);
setInterval(() => {}, 60_000);
