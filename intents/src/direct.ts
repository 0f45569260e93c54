// Classification straight from a loaded NLP.js model: the steps `nlp.classify` takes for our one language and
// one domain, done in one pass over the model NLP.js loaded (its weights and feature lists, not a copy).
// NLP.js runs them as a pipeline of async steps that prepares the text twice and clones settings at each step:
// ≈120 µs a message here, against ≈40 µs for the same steps done once.
// test/direct.test.ts checks that both give the same intent and score on every line we have.
import type { Nlp } from '@nlpjs/nlp';
import { featureTokens, tokenWeight } from './features';
import { isIntentId, type Classification } from './ids';

/** The parts of NLP.js's loaded objects these steps read (NLP.js 4.27: nlu, domain-manager, neural). */
interface Perceptron {
  name: string;
  weights: Float32Array;
  bias: number;
}
interface LoadedNlu {
  settings: { filterZeros?: boolean; useNoneFeature?: boolean };
  features: Record<string, unknown>;
  intents: Record<string, unknown>;
  intentFeatures?: Record<string, Record<string, unknown>>;
  neuralNetwork?: {
    settings: { alpha: number };
    perceptrons: Perceptron[];
    lookup: { inputLookup: { dict: Record<string, number> } };
  };
}
interface LoadedDomainManager {
  settings: { useStemDict?: boolean };
  domains: Record<string, LoadedNlu>;
}

type Scored = { intent: string; score: number };
const byScore = (a: Scored, b: Scored) => b.score - a.score;

/**
 * A function giving what `nlp.classify('zh', text)` gives (intent and score) for a model loaded in `nlp`; null
 * for a model that uses a part of NLP.js these steps leave out.
 */
export function directClassify(nlp: Nlp): ((text: string) => Classification) | null {
  const internals = nlp as unknown as {
    settings: { nlu?: { useStemDict?: boolean; useNoneFeature?: boolean } };
    container: { get(name: string): { normalize(text: string): string } };
    nluManager: { domainManagers: Record<string, LoadedDomainManager> };
  };
  const dm = internals.nluManager.domainManagers.zh;
  const domains = Object.values(dm.domains);
  // Only what our models use: one trained domain, no none-feature and no exact-sentence table (each setting
  // as NLP.js decides it: the classify call's settings first, then the domain manager's or the NLU's own).
  const call = internals.settings.nlu ?? {};
  const useStemDict = call.useStemDict ?? dm.settings.useStemDict;
  const useNoneFeature = call.useNoneFeature ?? domains[0]?.settings.useNoneFeature;
  if (domains.length !== 1 || !domains[0].neuralNetwork || useStemDict || useNoneFeature) return null;
  const nlu = domains[0];
  const network = nlu.neuralNetwork!;
  const { alpha } = network.settings;
  const dict = network.lookup.inputLookup.dict;
  const perceptrons = network.perceptrons;
  const intentsArr = Object.keys(nlu.intents);
  if (!nlu.intents.None) intentsArr.push('None');
  const filterZeros = nlu.settings.filterZeros;
  const normalizer = internals.container.get('normalizer-zh');

  return (text: string): Classification => {
    // prepare: normalize, tokenize (ours, empty tokens dropped), stopwords kept, stem (ours: none), weights.
    const tokens: Record<string, number> = {};
    for (const t of featureTokens(normalizer.normalize(text))) if (t) tokens[t] = tokenWeight(t);
    // textToFeatures: the tokens the model knows.
    const features: Record<string, number> = {};
    for (const t of Object.keys(tokens)) if (nlu.features[t]) features[t] = tokens[t];
    // The network: for each intent, bias + Σ weight × input in the features' order, then the leaky cut.
    const keys: number[] = [];
    const values: number[] = [];
    for (const t of Object.keys(features)) {
      if (dict[t] === undefined) continue;
      keys.push(dict[t]);
      values.push(features[t]);
    }
    const outputs: Record<string, number> = {};
    for (const p of perceptrons) {
      let sum = p.bias;
      for (let i = 0; i < keys.length; i += 1) sum += values[i] * p.weights[keys[i]];
      outputs[p.name] = sum <= 0 ? 0 : alpha * sum;
    }
    // convertToArray, filterNonActivated, normalizeClassifications.
    let classifications: Scored[] = [];
    for (const intent of intentsArr) {
      const score = outputs[intent];
      if (score !== undefined && (score > 0 || !filterZeros)) classifications.push({ intent, score });
    }
    if (!classifications.length) classifications.push({ intent: 'None', score: 1 });
    classifications = classifications.sort(byScore);
    let modified = false;
    for (const c of nlu.intentFeatures ? classifications : []) {
      if (c.intent === 'None') continue;
      const own = nlu.intentFeatures![c.intent];
      if (!own || !Object.keys(features).some((t) => own[t])) {
        c.score = 0;
        modified = true;
      }
    }
    if (modified) classifications.sort(byScore);
    let total = 0;
    for (const c of classifications) {
      c.score **= 2;
      total += c.score;
    }
    if (total > 0) for (const c of classifications) c.score /= total;
    return finish(classifications);
  };
}

/** The NLU manager's last steps: sort, the top one, and None when nothing or a tie leads. */
function finish(classifications: Scored[]): Classification {
  const sorted = classifications.sort(byScore);
  if (!sorted.length) sorted.push({ intent: 'None', score: 1 });
  let { intent, score } = sorted[0];
  if (sorted.length > 1 && (sorted[0].score === 0 || sorted[0].score === sorted[1].score)) {
    intent = 'None';
    score = 1;
  }
  return { intent: isIntentId(intent) ? intent : 'None', score };
}
