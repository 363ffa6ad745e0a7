// rclone for tests: the binary (installed when missing), obscured passwords, config files.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { rcloneEnv } from '../src/providers/rclone/tether.js';
import { ensureDebianPackage } from './debian.js';

export function findRclone(): string {
  return ensureDebianPackage('rclone', 'rclone');
}

/** rclone's reversible obscuring, which its config requires for passwords (not encryption). */
export function rcloneObscure(secret: string): string {
  return execFileSync(findRclone(), ['obscure', secret], { env: rcloneEnv(), encoding: 'utf8' }).trim();
}

/** rclone.conf text for named sections: `{ name: { type: 'sftp', host: ..., ... } }`. */
export function rcloneConfigText(
  sections: Record<string, Record<string, string | number | boolean>>,
): string {
  return Object.entries(sections)
    .map(([name, options]) => {
      const lines = Object.entries(options).map(([key, value]) => `${key} = ${String(value)}`);
      return `[${name}]\n${lines.join('\n')}\n`;
    })
    .join('\n');
}

export function writeRcloneConfig(
  path: string,
  sections: Record<string, Record<string, string | number | boolean>>,
): string {
  writeFileSync(path, rcloneConfigText(sections), { mode: 0o600 });
  return path;
}
