/**
 * The API key: `Intake: Set API Key` stores it in VS Code's SecretStorage (the OS keychain),
 * `Intake: Clear API Key` removes it. It is never a setting and never logged. When SecretStorage
 * cannot be used (Linux without a keyring: it throws or rejects), a key typed now is kept in
 * memory for this session, and INTAKE_LLM_API_KEY / OPENAI_API_KEY from the environment are read
 * instead (see src/core/llm/keySource.ts for the order); the messages say so.
 */
import * as vscode from 'vscode';
import { chooseApiKey, type KeyChoice } from '../../core/llm/keySource';

/** The SecretStorage entry (a name, not the key). */
const SECRET_NAME = 'intake.llm.apiKey';

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export class ApiKeyStore {
  /** A key typed while SecretStorage could not store it: this session only. */
  private session: string | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {}

  async lookup(baseUrl: string): Promise<KeyChoice> {
    let secret: Parameters<typeof chooseApiKey>[0]['secret'];
    try {
      secret = { ok: true, value: await this.secrets.get(SECRET_NAME) };
    } catch (e) {
      secret = { ok: false, error: errorText(e) };
    }
    return chooseApiKey({ secret, session: this.session, env: process.env }, baseUrl);
  }

  /** Stores the key; `error` when SecretStorage failed and the key is kept for this session only. */
  async store(key: string): Promise<{ stored: boolean; error?: string }> {
    try {
      await this.secrets.store(SECRET_NAME, key);
      this.session = undefined;
      return { stored: true };
    } catch (e) {
      this.session = key;
      return { stored: false, error: errorText(e) };
    }
  }

  async clear(): Promise<{ error?: string }> {
    this.session = undefined;
    try {
      await this.secrets.delete(SECRET_NAME);
      return {};
    } catch (e) {
      return { error: errorText(e) };
    }
  }
}

/** The message that says where the key comes from when SecretStorage is unavailable. */
export function secretStorageNote(choice: KeyChoice): string | undefined {
  if (!choice.secretStorageError) return undefined;
  if (choice.source === 'INTAKE_LLM_API_KEY' || choice.source === 'OPENAI_API_KEY') {
    return vscode.l10n.t('VS Code cannot read its secret storage here ({0}); using the API key from the environment variable {1}.', choice.secretStorageError, choice.source);
  }
  if (choice.source === 'session') return vscode.l10n.t('VS Code cannot use its secret storage here ({0}); using the key set in this session, which is forgotten when VS Code closes.', choice.secretStorageError);
  return vscode.l10n.t('VS Code cannot read its secret storage here ({0}), and neither INTAKE_LLM_API_KEY nor OPENAI_API_KEY is set in the environment: sending no API key.', choice.secretStorageError);
}

/**
 * `Intake: Set API Key` (index.ts registers it). A string argument sets the key without asking
 * (scripts, tests); from the palette it asks. True if a key was set.
 */
export async function setApiKey(store: ApiKeyStore, arg?: unknown): Promise<boolean> {
  let key = typeof arg === 'string' ? arg.trim() : undefined;
  if (key === undefined) {
    key = (
      await vscode.window.showInputBox({
        title: vscode.l10n.t('Intake: Set API Key'),
        prompt: vscode.l10n.t('The API key of the LLM endpoint. It is kept in VS Code\'s secret storage, never in settings.'),
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter a key, or press Escape to cancel.')),
      })
    )?.trim();
  }
  if (!key) return false;
  const result = await store.store(key);
  if (result.stored) void vscode.window.showInformationMessage(vscode.l10n.t('API key stored in VS Code\'s secret storage.'));
  else {
    void vscode.window.showWarningMessage(
      vscode.l10n.t(
        'VS Code cannot store secrets here ({0}). The key is kept for this session only; to keep one across restarts, set INTAKE_LLM_API_KEY (or OPENAI_API_KEY) in the environment VS Code starts from.',
        result.error ?? '',
      ),
    );
  }
  return true;
}

/** `Intake: Clear API Key` (index.ts registers it). */
export async function clearApiKey(store: ApiKeyStore): Promise<void> {
  const result = await store.clear();
  const env = ['INTAKE_LLM_API_KEY', 'OPENAI_API_KEY'].find((name) => process.env[name]?.trim());
  if (result.error) void vscode.window.showWarningMessage(vscode.l10n.t('VS Code cannot use its secret storage here ({0}); the key of this session is forgotten.', result.error));
  else if (env) void vscode.window.showInformationMessage(vscode.l10n.t('API key removed. The environment variable {0} is still set and will be used.', env));
  else void vscode.window.showInformationMessage(vscode.l10n.t('API key removed.'));
}
