// Training, saving and loading the NLP.js model, with our own features and a tuned None threshold.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { containerBootstrap } from '@nlpjs/core';
import { LangZh } from '@nlpjs/lang-zh';
import { Nlp } from '@nlpjs/nlp';
import { NluNeural } from '@nlpjs/nlu';
import { directClassify } from './direct';
import { FEATURES_VERSION, featureTokens, tokenWeight } from './features';
import { isIntentId, type Classification, type Classifier, type IntentId } from './ids';

/** intents/ (this file is in intents/src or intents/dist). */
export const PACKAGE_DIR = path.resolve(__dirname, '..');
export const CORPUS_PATH = path.join(PACKAGE_DIR, 'data', 'corpus.json');
export const DEFAULT_MODEL_PATH = path.join(PACKAGE_DIR, 'model', 'model.nlp');
/** Files whose change makes the model stale. */
const SOURCES = [CORPUS_PATH, path.join(PACKAGE_DIR, 'data', 'corpus-spoken.json')];

export interface CorpusFile {
  name: string;
  locale: string;
  data: { intent: string; utterances: string[] }[];
}

export interface Example {
  intent: IntentId;
  text: string;
}

/** Every corpus file present, merged by intent. */
export function readCorpus(): CorpusFile {
  const merged: CorpusFile = { name: 'changhu', locale: 'zh-CN', data: [] };
  for (const file of SOURCES) {
    if (!fs.existsSync(file)) continue;
    const c = JSON.parse(fs.readFileSync(file, 'utf8')) as CorpusFile;
    for (const d of c.data) {
      if (!isIntentId(d.intent)) throw new Error(`${path.basename(file)}: unknown intent ${d.intent}`);
      const into = merged.data.find((x) => x.intent === d.intent);
      if (into) into.utterances.push(...d.utterances);
      else merged.data.push({ intent: d.intent, utterances: [...d.utterances] });
    }
  }
  return merged;
}

/** FNV-1a: a stable split that does not move when other lines are added. */
function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** One utterance in five (by hash) is kept out of training: the validation split the threshold is tuned on. */
export function isValidation(text: string): boolean {
  return fnv(text) % 5 === 0;
}

export function splitCorpus(corpus: CorpusFile = readCorpus()): { train: Example[]; validation: Example[] } {
  const train: Example[] = [];
  const validation: Example[] = [];
  for (const d of corpus.data) {
    for (const text of d.utterances) {
      (isValidation(text) ? validation : train).push({ intent: d.intent as IntentId, text });
    }
  }
  return { train, validation };
}

export function corpusHash(): string {
  const h = createHash('sha256');
  h.update(`features ${FEATURES_VERSION} network ${JSON.stringify(NETWORK)}\n`);
  for (const file of SOURCES) if (fs.existsSync(file)) h.update(fs.readFileSync(file));
  return h.digest('hex').slice(0, 16);
}

/** One row of the threshold trade-off on the validation split. */
export interface CurvePoint {
  threshold: number;
  accuracy: number;
  noneRecall: number;
  /** Share of in-scope questions wrongly sent to None. */
  falseNone: number;
}

export interface ModelMeta {
  hash: string;
  threshold: number;
  trainMs: number;
  trainedAt: string;
  trainSize: number;
  validationSize: number;
  curve: CurvePoint[];
}

/**
 * NLP.js's network (one layer of perceptrons, one per intent): its defaults are iterations 20000,
 * errorThresh 0.00005, deltaErrorThresh 0.000001, learningRate 0.6, momentum 0.5, alpha 0.07 (training
 * stops on the change of error, before 120 iterations here). A smaller learning rate fits the training lines
 * less sharply: validation 0.960 → 0.967, heldout6 0.950 → 0.971 on version 10's features (plateau
 * 0.1–0.2; see the README).
 */
export const NETWORK: Record<string, unknown> = { learningRate: 0.15 };

type PrepareInput = { settings?: { locale?: string }; text?: string; utterance?: string };

/**
 * NLP.js's neural NLU, remembering the tokens of the last text only. NLP.js keeps every text it has classified,
 * with its tokens, for up to an hour (`cache.results`): about 1.9 KB a distinct message, so 130,000 different
 * messages within an hour (a minute and a half at full load) would fill the server's 256 MB heap. Serving
 * classifies with direct.ts; this class serves training, and any model direct.ts declines (where the
 * exact-sentence lookup, when on, prepares the same text a second time).
 */
class NluWithLastText extends NluNeural {
  private steps?: { run(input: unknown): unknown }[];
  private last?: { key: string; tokens: unknown };

  override async defaultPipelinePrepare(input: PrepareInput) {
    // NLP.js's own key: the locale of the settings and the text.
    const key = `${input.settings?.locale}\u0000${input.text || input.utterance}`;
    if (this.last?.key === key) return this.last.tokens;
    this.steps ??= ['normalize', 'tokenize', 'removeStopwords', 'stem', 'arrToObj'].map(
      (name) => this.container.get(name) as { run(input: unknown): unknown },
    );
    let output: unknown = input;
    for (const step of this.steps) output = await step.run(output);
    const { tokens } = output as { tokens: unknown };
    this.last = { key, tokens };
    return tokens;
  }
}

/**
 * NLP.js's classifier for Chinese, built from its own packages: `@nlpjs/nlp` and the Chinese language only. The
 * umbrella `node-nlp` loads every language, Microsoft's recognizers and a spreadsheet reader at start-up
 * (≈100 MB more of the server's memory), none of which classification uses; the model file is the same either way.
 */
export function newNlp(): Nlp {
  const container = containerBootstrap();
  container.use(LangZh);
  // The class of every domain's NLU, named in the settings below: the Nlp creates the domains as it is
  // constructed, so it must be known before.
  container.register('NluWithLastText', NluWithLastText, false);
  const nlp = new Nlp({
    languages: ['zh'],
    forceNER: false,
    autoSave: false,
    autoLoad: false,
    calculateSentiment: false,
    // NLP.js's none-feature sends every message with unseen bigrams to None; our trained None
    // intent and the tuned threshold do that job (validation: 0.865 with it, 0.907 without).
    // The network's settings reach it as the settings of the Chinese NLU ('*': every domain).
    nlu: { log: false, useNoneFeature: false, zh: { '*': { className: 'NluWithLastText', ...NETWORK } } },
    container,
  });
  // Our tokens replace NLP.js's Chinese tokenizer and pinyin stemmer (see features.ts).
  container.register('tokenizer-zh', { tokenize: (text: string) => featureTokens(text) }, true);
  container.register('stemmer-zh', { stem: (tokens: string[]) => tokens }, true);
  // NLP.js gives every token the input value 1; our characters of longer messages weigh less (features.ts).
  const toObj = (tokens: string[]): Record<string, number> => {
    const o: Record<string, number> = {};
    for (const t of tokens) o[t] = tokenWeight(t);
    return o;
  };
  container.register(
    'arrToObj',
    {
      run(input: string[] | { tokens: string[] | Record<string, number> }) {
        if (Array.isArray(input)) return toObj(input);
        if (Array.isArray(input.tokens)) input.tokens = toObj(input.tokens);
        return input;
      },
    },
    true,
  );
  return nlp;
}

/** NLP.js's own classification (training tunes the threshold with it; serving uses direct.ts). */
export async function rawClassify(nlp: Nlp, text: string): Promise<Classification> {
  const out = await nlp.classify('zh', text);
  const intent = out.intent && isIntentId(out.intent) ? out.intent : 'None';
  return { intent, score: typeof out.score === 'number' ? out.score : 0 };
}

function applyThreshold(c: Classification, threshold: number): Classification {
  if (c.intent !== 'None' && c.score < threshold) return { intent: 'None', score: 1 - c.score };
  return c;
}

export function curveOf(raw: { gold: IntentId; c: Classification }[]): CurvePoint[] {
  const curve: CurvePoint[] = [];
  for (let t = 0; t <= 0.951; t += 0.05) {
    const threshold = Math.round(t * 100) / 100;
    let correct = 0;
    let none = 0;
    let noneOk = 0;
    let inScope = 0;
    let falseNone = 0;
    for (const { gold, c } of raw) {
      const p = applyThreshold(c, threshold).intent;
      if (p === gold) correct += 1;
      if (gold === 'None') {
        none += 1;
        if (p === 'None') noneOk += 1;
      } else {
        inScope += 1;
        if (p === 'None') falseNone += 1;
      }
    }
    curve.push({
      threshold,
      accuracy: correct / raw.length,
      noneRecall: none ? noneOk / none : 1,
      falseNone: inScope ? falseNone / inScope : 0,
    });
  }
  return curve;
}

/** The best accuracy; among equals, the middle of the plateau (least sensitive to the exact value). */
export function pickThreshold(curve: CurvePoint[]): number {
  const best = Math.max(...curve.map((p) => p.accuracy));
  const plateau = curve.filter((p) => p.accuracy >= best - 1e-9);
  return plateau[Math.floor((plateau.length - 1) / 2)].threshold;
}

/** A network trained on these examples. */
export async function trainNlp(examples: Example[]): Promise<Nlp> {
  const nlp = newNlp();
  const byIntent = new Map<string, string[]>();
  for (const e of examples) byIntent.set(e.intent, [...(byIntent.get(e.intent) ?? []), e.text]);
  await nlp.addCorpus({
    name: 'changhu',
    locale: 'zh-CN',
    data: [...byIntent].map(([intent, utterances]) => ({ intent, utterances })),
  });
  await nlp.train();
  return nlp;
}

function classifierOf(nlp: Nlp, threshold: number): Classifier {
  // NLP.js's steps done directly (direct.ts; test/direct.test.ts shows they answer as nlp.classify does).
  const direct = directClassify(nlp);
  return {
    async classify(input: string): Promise<Classification> {
      const t = String(input ?? '').slice(0, 500);
      if (!/[\u3400-\u9fffA-Za-z0-9]/.test(t)) return { intent: 'None', score: 1 };
      return applyThreshold(direct ? direct(t) : await rawClassify(nlp, t), threshold);
    },
  };
}

/** Trains on the training split, tunes the None threshold on the validation split, writes the model. */
export async function trainModel(modelPath: string = DEFAULT_MODEL_PATH): Promise<ModelMeta> {
  const started = Date.now();
  const { train, validation } = splitCorpus();
  const nlp = await trainNlp(train);
  const trainMs = Date.now() - started;
  const raw = [];
  for (const e of validation) raw.push({ gold: e.intent, c: await rawClassify(nlp, e.text) });
  const curve = curveOf(raw);
  const meta: ModelMeta = {
    hash: corpusHash(),
    threshold: pickThreshold(curve),
    trainMs,
    trainedAt: new Date().toISOString(),
    trainSize: train.length,
    validationSize: validation.length,
    curve,
  };
  const model = JSON.parse(nlp.export(true)) as Record<string, unknown>;
  model.changhu = meta;
  fs.mkdirSync(path.dirname(modelPath), { recursive: true });
  const tmp = `${modelPath}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(model));
  fs.renameSync(tmp, modelPath); // atomic: a reader never sees half a model
  return meta;
}

export function readMeta(modelPath: string = DEFAULT_MODEL_PATH): ModelMeta | null {
  try {
    const model = JSON.parse(fs.readFileSync(modelPath, 'utf8')) as { changhu?: ModelMeta };
    return model.changhu ?? null;
  } catch {
    return null;
  }
}

/** Whether the model is missing, unreadable, or older than the corpus (trained on another one or other features). */
export function isStale(modelPath: string = DEFAULT_MODEL_PATH): boolean {
  // The corpus's content hash, not its mtime: a fresh clone touches every file but changes none.
  if (!fs.existsSync(modelPath)) return true;
  const meta = readMeta(modelPath);
  return !meta || meta.hash !== corpusHash();
}

/** Trains if the model is missing or older than the corpus; returns its path. */
export async function ensureModel(): Promise<string> {
  if (isStale(DEFAULT_MODEL_PATH)) await trainModel(DEFAULT_MODEL_PATH);
  return DEFAULT_MODEL_PATH;
}

/** Loads a trained model (default intents/model/model.nlp) with its tuned None threshold. */
export async function loadClassifier(modelPath: string = DEFAULT_MODEL_PATH): Promise<Classifier> {
  const text = fs.readFileSync(modelPath, 'utf8');
  const model = JSON.parse(text) as { changhu?: ModelMeta };
  const threshold = model.changhu?.threshold ?? 0.5;
  const nlp = newNlp();
  nlp.import(model);
  return classifierOf(nlp, threshold);
}
