/**
 * The "Intake Studio LLM" output channel. Every line is scrubbed of the secrets of the run (the
 * key, a proxy authorization) before it is written, whatever wrote it: the core already never
 * logs the key, this is the second lock. The last lines are kept for the test API.
 */
import * as vscode from 'vscode';
import { scrubSecret } from '../../core/llm/errors';

const KEPT_LINES = 500;

export class LlmLog implements vscode.Disposable {
  private channel: vscode.LogOutputChannel | undefined;
  private readonly recent: string[] = [];

  info(line: string, secrets: readonly (string | undefined)[] = []): void {
    this.write('info', line, secrets);
  }

  warn(line: string, secrets: readonly (string | undefined)[] = []): void {
    this.write('warn', line, secrets);
  }

  /** The last lines written (scrubbed), oldest first. */
  lines(): string[] {
    return [...this.recent];
  }

  dispose(): void {
    this.channel?.dispose();
  }

  private write(level: 'info' | 'warn', line: string, secrets: readonly (string | undefined)[]): void {
    const clean = secrets.reduce<string>((text, s) => scrubSecret(text, s), line);
    this.channel ??= vscode.window.createOutputChannel('Intake Studio LLM', { log: true });
    this.channel[level](clean);
    this.recent.push(clean);
    if (this.recent.length > KEPT_LINES) this.recent.splice(0, this.recent.length - KEPT_LINES);
  }
}
