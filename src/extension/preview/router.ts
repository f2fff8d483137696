/**
 * Routes the messages of a preview's page to their handlers. Every message is checked against
 * the protocol first (`parseFromWebview`: valid, and about this preview's document); the panel
 * and its contributions (LLM mode) each register the types they handle. No `vscode` here.
 */
import { parseFromWebview, type FromWebview } from '../../protocol/messages';

type MessageOf<T extends FromWebview['type']> = Extract<FromWebview, { type: T }>;
type Handler<T extends FromWebview['type']> = (message: MessageOf<T>) => void | Promise<void>;

export class MessageRouter {
  private readonly handlers = new Map<FromWebview['type'], (message: FromWebview) => void | Promise<void>>();

  constructor(private readonly documentUri: string) {}

  /** Handles messages of `type` (one handler per type: a second registration is a bug). */
  on<T extends FromWebview['type']>(type: T, handler: Handler<T>): { dispose(): void } {
    if (this.handlers.has(type)) throw new Error(`a handler for "${type}" messages is already registered`);
    const wrapped = (message: FromWebview) => handler(message as MessageOf<T>);
    this.handlers.set(type, wrapped);
    return { dispose: () => this.handlers.get(type) === wrapped && this.handlers.delete(type) };
  }

  /**
   * Hands `raw` to the handler of its type. False if it is not a valid message about this
   * document; a valid message nobody handles is accepted and ignored.
   */
  async route(raw: unknown): Promise<boolean> {
    const message = parseFromWebview(raw, this.documentUri);
    if (!message) return false;
    await this.handlers.get(message.type)?.(message);
    return true;
  }
}
