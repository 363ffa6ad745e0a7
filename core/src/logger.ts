// Structured JSON logging (pino). Secrets are redacted by key name wherever they appear.
import { type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger };

export const REDACTED_KEYS = [
  'password',
  'secret',
  'secretAccessKey',
  'accessKeyId',
  'token',
  'privateKey',
  'passphrase',
  'credentials',
  'authorization',
  'cookie',
  'rcloneConfig',
  'secretKey',
];

export function createLogger(name: string, options: LoggerOptions = {}): Logger {
  return pino({
    name,
    level: process.env.SYNCOXIDE_LOG_LEVEL ?? 'info',
    redact: {
      paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
      censor: '[redacted]',
    },
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    ...options,
  });
}
