// Include/exclude globs of a rule (picomatch). A pattern without '/' matches a name at any
// depth ("*.tmp" excludes every .tmp file), as in rclone and .gitignore; an excluded folder
// excludes everything below it. Includes apply to files only, so folders stay walkable.
import picomatch from 'picomatch';
import type { SyncRule } from './rule.js';

export interface PathFilter {
  /** Should the planner see this entry at all? */
  accepts(path: string, kind: 'file' | 'folder'): boolean;
}

function matcher(patterns: string[]): (path: string) => boolean {
  if (patterns.length === 0) return () => false;
  const tests = patterns.map((p) => picomatch(p, { dot: true, basename: !p.includes('/') }));
  return (path) => tests.some((t) => t(path));
}

export function pathFilter(rule: Pick<SyncRule, 'include' | 'exclude'>): PathFilter {
  const excluded = matcher(rule.exclude);
  const included = matcher(rule.include);
  return {
    accepts(path, kind) {
      const parts = path.split('/');
      for (let i = 1; i <= parts.length; i++) {
        if (excluded(parts.slice(0, i).join('/'))) return false;
      }
      if (kind === 'file' && rule.include.length > 0) return included(path);
      return true;
    },
  };
}
