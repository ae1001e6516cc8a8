import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock, Logger } from '../host/deps';
import { redact, redactText } from './redact';

export interface FileLoggerOptions {
  directory: string;
  /** Base name; rotated files get `.1`, `.2`, … */
  fileName?: string;
  /** Rotate when the current file would grow past this. */
  maxBytes?: number;
  /** Rotated files kept besides the current one. */
  maxFiles?: number;
  clock?: Clock;
  /** Also echo to the console (development). */
  echo?: boolean;
}

export interface FileLogger extends Logger {
  readonly file: string;
}

/**
 * JSON-lines log in the app's logs folder with size-based rotation. Every
 * message and field passes through `redact`, so no caller can leak a token or
 * an e-mail address into a file users attach to bug reports. Writes are
 * synchronous: a log line must survive the crash it describes.
 */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const fileName = options.fileName ?? 'baton.log';
  const maxBytes = options.maxBytes ?? 1_000_000;
  const maxFiles = options.maxFiles ?? 3;
  const clock = options.clock ?? (() => new Date());
  const file = join(options.directory, fileName);
  mkdirSync(options.directory, { recursive: true });

  const rotate = (): void => {
    rmSync(`${file}.${maxFiles}`, { force: true });
    for (let index = maxFiles - 1; index >= 1; index -= 1) {
      if (existsSync(`${file}.${index}`)) renameSync(`${file}.${index}`, `${file}.${index + 1}`);
    }
    if (maxFiles >= 1) renameSync(file, `${file}.1`);
    else rmSync(file, { force: true });
  };

  const write = (level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>): void => {
    const entry: Record<string, unknown> = { time: clock().toISOString(), level, message: redactText(message) };
    if (data !== undefined) entry.data = redact(data);
    const line = `${JSON.stringify(entry)}\n`;
    try {
      const size = existsSync(file) ? statSync(file).size : 0;
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      appendFileSync(file, line, 'utf8');
    } catch (error) {
      // Logging must never take the app down; stderr is the last resort.
      console.error('Baton could not write its log file', error);
    }
    if (options.echo === true) console[level === 'info' ? 'log' : level](line.trimEnd());
  };

  return {
    file,
    info: (message, data) => write('info', message, data),
    warn: (message, data) => write('warn', message, data),
    error: (message, data) => write('error', message, data),
  };
}
