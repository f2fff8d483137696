/** The locale the core's language features should use: VS Code's display language. */
import * as vscode from 'vscode';
import { toLocale, type Locale } from '../core/features/context';

export function coreLocale(): Locale {
  return toLocale(vscode.env.language);
}
