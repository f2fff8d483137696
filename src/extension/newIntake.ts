/**
 * **Intake: New Intake**: asks for the template (simple or structured) and the customer's
 * industry, then opens an untitled intake built by the core (src/core/newIntake): the industry
 * filled in, its typical sub-industries as the first placeholder's options, and every
 * placeholder a snippet tab stop, so the cursor starts on the first one and Tab walks the rest.
 * The command is registered at activation; its code (newIntakeFlow.ts) loads on first use (onDemand.ts).
 */
import type * as vscode from 'vscode';
import { Lazy, registerLazyCommand } from './lazy';

const COMMAND_NEW_INTAKE = 'intake.newIntake';

export function registerNewIntake(): vscode.Disposable {
  const flow = new Lazy(() => import('./onDemand'));
  return registerLazyCommand(COMMAND_NEW_INTAKE, flow, ({ runNewIntake }, options) => runNewIntake(options));
}
