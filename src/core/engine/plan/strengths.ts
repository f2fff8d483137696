/**
 * The clause of a product's strength that speaks to what the customer wrote, and the clouds a
 * clause names. The picks ask for the strength of every candidate of every system type (scoring
 * them), and again for the picks and their alternatives: about fifty products a report, each
 * clause compared with the customer's text. Every report of an intake asks the same (each edit in
 * the editor makes one, and an edit outside what the customer's text is made of changes none of
 * it), so the answers are kept per customer text, clouds and stop words: a report then looks each
 * product up once, and the comparison loop, run only for a text not seen before, is no longer hot
 * enough in a report's first few dozen for the optimising compiler to compile it.
 */
import type { Product } from '../../knowledge/schema';
import { sharesWords } from '../text/overlap';
import { strengthClauses } from './productText';

/** The clause of a product's strength that shares words with what the customer wrote, if any: worked out afresh (see {@link strengthsFor}). */
export function relevantStrength(p: Product, corpus: string, clouds: ReadonlySet<string>, stop: ReadonlySet<string>): string | undefined {
  const clauses = strengthClauses(p);
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    if (clause.length >= 4 && sharesWords(clause, corpus, stop) && !namesOtherCloud(clause, clouds)) return clause;
  }
  return undefined;
}

/** A product's relevant strength; `null` kept for "none" (a Map's undefined is "not asked yet"). */
type Answers = Map<Product, string | null>;

/**
 * The answers per stop-word set (by identity: it is made once per knowledge base), then per
 * clouds and customer text (one string, {@link contextKey}). At most {@link CONTEXTS_KEPT}
 * contexts per stop-word set: emptied past that, as the text cuts of text/overlap.ts are.
 */
const kept = new WeakMap<ReadonlySet<string>, Map<string, Answers>>();
const CONTEXTS_KEPT = 16;

/** The clouds (sorted: a set's order is the order they were found in) and the customer's text, in one string. */
function contextKey(corpus: string, clouds: ReadonlySet<string>): string {
  return `${[...clouds].sort().join(',')}\n${corpus}`;
}

/**
 * {@link relevantStrength} for one customer text, clouds and stop words, with each product's
 * answer kept. `stop` must not change once passed (the set systemTypeWords keeps per knowledge
 * base); the clouds and the text are read now, so later changes to the set do not matter.
 */
export function strengthsFor(corpus: string, clouds: ReadonlySet<string>, stop: ReadonlySet<string>): (p: Product) => string | undefined {
  let byContext = kept.get(stop);
  if (!byContext) kept.set(stop, (byContext = new Map()));
  const key = contextKey(corpus, clouds);
  let answers = byContext.get(key);
  if (!answers) {
    if (byContext.size >= CONTEXTS_KEPT) byContext.clear();
    answers = new Map();
    // The key is a string of its own (a template's result), not a view into the document.
    byContext.set(key, answers);
  }
  // Worked out from copies, so that later changes to the caller's set cannot make the answers wrong.
  const ownClouds: ReadonlySet<string> = new Set(clouds);
  const found = answers;
  return (p) => {
    const answer = found.get(p);
    if (answer !== undefined) return answer ?? undefined;
    return answerFor(found, p, corpus, ownClouds, stop);
  };
}

/** The first answer for `p`, kept. Apart from the lookup, so that the lookup stays small. */
function answerFor(answers: Answers, p: Product, corpus: string, clouds: ReadonlySet<string>, stop: ReadonlySet<string>): string | undefined {
  const answer = relevantStrength(p, corpus, clouds, stop);
  answers.set(p, answer ?? null);
  return answer;
}

const CLOUD_WORDS: ReadonlyArray<[string, string]> = [
  ['AWS', 'aws'],
  ['Amazon', 'aws'],
  ['Azure', 'azure'],
  ['Google Cloud', 'gcp'],
  ['GCP', 'gcp'],
  ['阿里云', 'alibaba'],
  ['华为云', 'huawei'],
  ['腾讯云', 'tencent'],
  ['百度智能云', 'baidu'],
];

/**
 * The clouds a clause names. The clauses are the knowledge base's (strengths, caveats), asked
 * about for every candidate of every report: each is searched once and kept, up to a bound.
 */
const namedClouds = new Map<string, readonly string[]>();
const NAMED_CLOUDS_KEPT = 4096;

function cloudsNamed(clause: string): readonly string[] {
  let clouds = namedClouds.get(clause);
  if (clouds === undefined) {
    clouds = CLOUD_WORDS.filter(([word]) => clause.includes(word)).map(([, cloud]) => cloud);
    if (namedClouds.size >= NAMED_CLOUDS_KEPT) namedClouds.clear();
    namedClouds.set(clause, clouds);
  }
  return clouds;
}

/** Whether a clause names a cloud the customer does not use (a reason for an Azure-only customer never mentions AWS). */
export function namesOtherCloud(clause: string, clouds: ReadonlySet<string>): boolean {
  return cloudsNamed(clause).some((cloud) => !clouds.has(cloud));
}
