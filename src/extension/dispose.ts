/**
 * Disposal helpers: a base class that owns what it registers, the pattern of VS Code's own
 * extensions (markdown-language-features' `util/dispose.ts`). A subclass registers each
 * listener, emitter or child with `_register`, and `dispose()` disposes them all once, newest
 * first; something registered after disposal is disposed at once.
 */
import type * as vscode from 'vscode';

/** Disposes every item of `disposables`, newest first, and empties the list. */
function disposeAll(disposables: vscode.Disposable[]): void {
  while (disposables.length > 0) disposables.pop()?.dispose();
}

export abstract class Disposable implements vscode.Disposable {
  private disposed = false;
  private readonly owned: vscode.Disposable[] = [];

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    disposeAll(this.owned);
  }

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Takes ownership of `value`: it is disposed with this object (at once if that already happened). */
  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this.disposed) value.dispose();
    else this.owned.push(value);
    return value;
  }
}
