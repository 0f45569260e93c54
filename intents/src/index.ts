// @changhu/intents: the chatbot's NLU. Intents from a trained NLP.js model with a tuned None threshold;
// entities from our own dictionaries and parsers, built on the rules module's domain names.
export { INTENT_IDS, isIntentId, type IntentId, type Classification, type Classifier } from './ids';
export { loadClassifier, ensureModel, DEFAULT_MODEL_PATH } from './model';
export { extractEntities, type Entity, type EntityType } from './entities';
export { parseChineseAmountFen, parseChineseDate, parseDurationMonths, parseChineseNumber } from './numbers';
export { evaluate, readTsv, type EvalLine, type EvalResult } from './evaluate';
