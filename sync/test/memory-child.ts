// Child of memory.test.ts: does the streaming work in a process of its own, so its peak RSS
// is the providers' and not the test runner's, and prints one JSON line of results.
import { createLocalProvider } from '../src/providers/local/index.js';
import { createS3Provider } from '../src/providers/s3/index.js';
import { digest, pattern } from './conformance/data.js';

const job = JSON.parse(process.env.SYNCOXIDE_MEMORY_JOB ?? '{}') as {
  root: string;
  size: number;
  s3: Parameters<typeof createS3Provider>[0];
};
const peak = () => Math.round(process.resourceUsage().maxRSS / 1024);
const local = await createLocalProvider(job.root);
const s3 = createS3Provider(job.s3);
const atStart = peak();
const written = await local.write('big.bin', pattern(job.size, { seed: 99 }), { size: job.size });
const afterLocal = peak();
const uploaded = await s3.write('big.bin', await local.read('big.bin'), { size: job.size });
const afterTransfer = peak();
const readBack = await digest(await s3.read('big.bin'));
const afterRead = peak();
await s3.close();
process.stdout.write(
  `${JSON.stringify({
    written: written.hashes,
    uploaded: uploaded.hashes,
    readBack,
    peakMb: { atStart, afterLocal, afterTransfer, afterRead },
  })}\n`,
);
