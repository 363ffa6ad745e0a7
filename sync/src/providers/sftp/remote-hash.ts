// Hashes computed on the server (`md5sum`/`sha1sum` over an exec channel), so hashing a remote
// file does not pull its bytes across the network. Servers without a shell (internal-sftp with
// ForceCommand, appliances) fail the probe once and callers fall back to streaming.
import type { HashType } from '../types.js';
import type { SftpConnection } from './connection.js';

const EMPTY: Record<HashType, string> = {
  md5: 'd41d8cd98f00b204e9800998ecf8427e',
  sha1: 'da39a3ee5e6b4b0d3255bfef95601890afd80709',
};
const LENGTH: Record<HashType, number> = { md5: 32, sha1: 40 };

/** Quotes one word for a POSIX shell: everything literal inside '...', with ' as '\''. */
export function shellQuote(word: string): string {
  return `'${word.replaceAll("'", "'\\''")}'`;
}

export class RemoteHasher {
  private readonly usable = new Map<HashType, Promise<boolean>>();

  constructor(private readonly conn: SftpConnection) {}

  /** `md5sum` with an empty stdin must print the hash of nothing (rclone probes the same way). */
  private probe(type: HashType): Promise<boolean> {
    let known = this.usable.get(type);
    if (!known) {
      known = this.conn.exec(`${type}sum`).then(
        (r) => r.code === 0 && r.stdout.trim().toLowerCase().startsWith(EMPTY[type]),
        () => false,
      );
      this.usable.set(type, known);
    }
    return known;
  }

  /** The hash computed by the server, or null when it cannot (the caller then streams). */
  async hash(absolutePath: string, type: HashType): Promise<string | null> {
    if (absolutePath.includes('\n') || !(await this.probe(type))) return null;
    const result = await this.conn.exec(`${type}sum ${shellQuote(absolutePath)}`).catch(() => null);
    if (result?.code !== 0) return null;
    // GNU coreutils prefixes the line with '\' when it had to escape the file name.
    const match = new RegExp(`^\\\\?([0-9a-fA-F]{${LENGTH[type]}})\\b`).exec(result.stdout.trim());
    return match ? match[1]!.toLowerCase() : null;
  }
}
