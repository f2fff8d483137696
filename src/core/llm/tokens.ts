/**
 * A deliberately rough token estimate, so the prompt can be kept inside a model's context without
 * shipping a tokenizer for every provider.
 *
 * - Each CJK character (Han, kana, hangul, CJK and full-width punctuation) counts as 1 token.
 *   Current tokenizers spend about 0.6–1.3 tokens on a common Han character (cl100k ≈ 1.2,
 *   o200k ≈ 0.8, Qwen and DeepSeek ≈ 0.6–0.7), so 1 errs on the safe side for most of them.
 * - Every other character counts as 1/3 token. English prose averages about 4 characters per
 *   token; Markdown, numbers, URLs and product codes are denser, hence 3.
 *
 * For the CJK-heavy grounding this comes to about one token per 1.5–2 characters. Over-estimating
 * only trims a little more grounding than needed; under-estimating would overflow the context.
 */

export const TOKEN_ESTIMATOR = 'CJK字符按1个token、其他字符按每3个字符1个token估算（偏保守）';

export function estimateTokens(text: string): number {
  let cjk = 0;
  let other = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjk(c)) cjk++;
    else if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its high half
    else other++;
  }
  return cjk + Math.ceil(other / 3);
}

function isCjk(c: number): boolean {
  return (
    (c >= 0x3000 && c <= 0x30ff) || // CJK punctuation, hiragana, katakana
    (c >= 0x3400 && c <= 0x4dbf) || // extension A
    (c >= 0x4e00 && c <= 0x9fff) || // unified ideographs
    (c >= 0xac00 && c <= 0xd7af) || // hangul
    (c >= 0xf900 && c <= 0xfaff) || // compatibility ideographs
    (c >= 0xff00 && c <= 0xffef) // full-width forms (，：（）)
  );
}
