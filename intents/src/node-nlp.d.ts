// The small part of node-nlp 4.27 (NLP.js) this package uses; the package ships no types.
declare module 'node-nlp' {
  export interface NlpClassification {
    intent: string;
    score: number;
  }
  export interface NluResult {
    locale: string;
    utterance: string;
    intent: string;
    score: number;
    classifications: NlpClassification[];
  }
  export interface Container {
    register(name: string, instance: unknown, isSingleton?: boolean): void;
    get(name: string): unknown;
  }
  export interface NluManager {
    process(input: { locale: string; utterance: string; settings?: Record<string, unknown> }): Promise<NluResult>;
  }
  export class NlpManager {
    constructor(settings?: Record<string, unknown>);
    container: Container;
    nlp: {
      nluManager: NluManager;
      settings: Record<string, unknown>;
      addCorpus(corpus: string | object): Promise<void>;
      classify(locale: string, utterance: string): Promise<NluResult>;
    };
    settings: Record<string, unknown>;
    addDocument(locale: string, utterance: string, intent: string): void;
    addCorpus(corpus: string | object): Promise<void>;
    train(): Promise<unknown>;
    export(minified?: boolean): string;
    import(data: string | object): void;
  }
}
