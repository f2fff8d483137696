/**
 * Features that load on first use. Activation registers a feature's commands (and serializer)
 * at once, with handlers that load its implementation through a dynamic `import()` when first
 * called: esbuild puts what is imported that way in chunks of its own (esbuild.js `esm()`), so
 * activation compiles and runs only what an open intake's first diagnostics need, and a command
 * used before its code has loaded just waits for it.
 */
import * as vscode from 'vscode';
import { showLoadError } from './loadError';

function isDisposable(value: unknown): value is vscode.Disposable {
  return typeof value === 'object' && value !== null && typeof (value as { dispose?: unknown }).dispose === 'function';
}

/**
 * A value made on first use by `load`, once; a load that fails is tried again by the next call.
 * Disposing disposes the value if it was made (and a value made after that at once).
 */
export class Lazy<T> implements vscode.Disposable {
  private loading: Promise<T> | undefined;
  private value: T | undefined;
  private disposed = false;

  constructor(private readonly load: () => Promise<T>) {}

  get(): Promise<T> {
    this.loading ??= this.load().then(
      (value) => {
        if (this.disposed) {
          if (isDisposable(value)) value.dispose();
          throw new Error('Intake Studio was deactivated');
        }
        this.value = value;
        return value;
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /** The value if it has been made, without making it. */
  get loaded(): T | undefined {
    return this.value;
  }

  dispose(): void {
    this.disposed = true;
    if (isDisposable(this.value)) this.value.dispose();
    this.value = undefined;
  }
}

/** What `feature` loads, or undefined (the user told) if it could not be loaded. */
export async function loadOrTell<T>(feature: Lazy<T>): Promise<T | undefined> {
  try {
    return await feature.get();
  } catch (error) {
    showLoadError(error);
    return undefined;
  }
}

/**
 * Registers command `id`, whose handler `run` needs what `feature` loads. The first call loads it
 * (later calls find it loaded); a failed load is shown to the user and the command returns
 * undefined. What `run` throws is the command's own error, as for any command.
 */
export function registerLazyCommand<T, R>(id: string, feature: Lazy<T>, run: (loaded: T, ...args: unknown[]) => R | Promise<R>): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]): Promise<R | undefined> => {
    const loaded = await loadOrTell(feature);
    return loaded === undefined ? undefined : run(loaded, ...args);
  });
}
