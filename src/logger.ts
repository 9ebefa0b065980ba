import { pino, type Logger } from 'pino';

export type { Logger };

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/**
 * One structured logger for the process; layers take a child (`logger.child({ layer })`).
 * Redaction is a second line of defence: secrets are already removed from captured traffic.
 */
export function createLogger(level: LogLevel, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'headers.authorization',
          'headers.cookie',
          'token',
          'adminToken',
        ],
        censor: '[REDACTED]',
      },
    },
    destination ?? pino.destination({ dest: 2, sync: false }),
  );
}
