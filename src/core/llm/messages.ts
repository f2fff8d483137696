/** The chat messages sent to the endpoint, and the request that continues a truncated answer. */

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** Sent to the model (not shown to users), so it is in the report's language. */
const CONTINUE_INSTRUCTION =
  '上面的报告因长度限制在中途被截断。请从截断处直接接着写：不要重复已经写出的内容，不要重新开始，也不要加任何说明；如果截断在表格行或列表项中间，先把那一行补完整。保持相同的标题与格式，直到写完“## 下一步建议”。';

/**
 * The messages that ask the model to continue `partialText` (the masked text it wrote, exactly as
 * received: never the un-masked display text). Append the answer with {@link joinContinuation}.
 */
export function continueMessages(messages: readonly ChatMessage[], partialText: string): ChatMessage[] {
  return [...messages, { role: 'assistant', content: partialText }, { role: 'user', content: CONTINUE_INSTRUCTION }];
}

/**
 * `previous` + `next`, dropping what `next` repeats of the end of `previous` (models often restart
 * the interrupted line). Only overlaps of 8+ characters count, so a short coincidence is kept.
 */
export function joinContinuation(previous: string, next: string): string {
  const max = Math.min(400, previous.length, next.length);
  for (let n = max; n >= 8; n--) {
    if (previous.endsWith(next.slice(0, n))) return previous + next.slice(n);
  }
  return previous + next;
}
