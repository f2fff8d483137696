// Running set-up commands: output goes to a log file, and a failure reports the log's tail.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LOGS } from './paths';

class CommandError extends Error {}

export function tail(file: string, lines = 30): string {
  if (!fs.existsSync(file)) return '';
  return fs.readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
}

/** Runs `cmd args` with its output appended to LOGS/<logName>.log; resolves when it exits 0. */
export function run(cmd: string, args: string[], logName: string, options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<void> {
  fs.mkdirSync(LOGS, { recursive: true });
  const logFile = path.join(LOGS, `${logName}.log`);
  const fd = fs.openSync(logFile, 'a');
  fs.writeSync(fd, `\n$ ${cmd} ${args.join(' ')}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], env: options.env ?? process.env, cwd: options.cwd });
    child.on('error', (e) => {
      fs.closeSync(fd);
      reject(new CommandError(`${cmd} could not start: ${e.message}`));
    });
    child.on('exit', (code, signal) => {
      fs.closeSync(fd);
      if (code === 0) resolve();
      else reject(new CommandError(`\`${cmd} ${args.join(' ')}\` failed (${signal ?? `exit ${code}`}); log ${logFile}:\n${tail(logFile)}`));
    });
  });
}

/** Runs a command and returns its stdout, or undefined when it fails or cannot start. */
export function capture(cmd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', () => resolve(undefined));
    child.on('exit', (code) => resolve(code === 0 ? out : undefined));
  });
}

/** Prints a progress line with the time since the harness started. */
const t0 = Date.now();
export function step(message: string): void {
  console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)}s] ${message}`);
}
