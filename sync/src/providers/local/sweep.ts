// Orphaned temporary files of the local provider: a process killed between creating an upload's
// temp and persisting its session (or mid-`write`) leaves a `.syncoxide-*.partial` nobody owns.
import { readdir, rm, stat } from 'node:fs/promises';
import { isTempName, joinPath } from '../common/paths.js';
import type { UploadState } from '../types.js';
import { confine } from './fs.js';

export async function sweepLocalTemps(
  root: string,
  folders: string[],
  options: { before: number; keep: UploadState[] },
): Promise<number> {
  const kept = new Set(
    options.keep
      .filter((s) => s.provider === 'local' && typeof s.data.temp === 'string')
      .map((s) => s.data.temp),
  );
  let removed = 0;
  for (const folder of new Set(folders)) {
    const dir = confine(root, folder);
    const names = await readdir(dir.abs).catch(() => [] as string[]);
    for (const name of names) {
      if (!isTempName(name)) continue;
      const rel = joinPath(dir.rel, name);
      if (kept.has(rel)) continue;
      const abs = confine(root, rel).abs;
      const st = await stat(abs).catch(() => null);
      // Only what was last touched before the run began: a live writer's temp is newer.
      if (!st?.isFile() || st.mtimeMs >= options.before) continue;
      await rm(abs, { force: true });
      removed++;
    }
  }
  return removed;
}
