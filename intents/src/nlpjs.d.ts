// The small part of NLP.js 4 (@nlpjs/core, @nlpjs/nlp, @nlpjs/nlu, @nlpjs/lang-zh) this package uses; they ship
// no types.
declare module '@nlpjs/core' {
  export interface Container {
    use(plugin: unknown): void;
    register(name: string, instance: unknown, isSingleton?: boolean): void;
    get(name: string): unknown;
  }
  export function containerBootstrap(): Container;
}

declare module '@nlpjs/lang-zh' {
  export const LangZh: unknown;
}

declare module '@nlpjs/nlp' {
  import type { Container } from '@nlpjs/core';
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
  export class Nlp {
    constructor(settings?: Record<string, unknown> & { container?: Container });
    container: Container;
    settings: Record<string, unknown>;
    addCorpus(corpus: string | object): Promise<void>;
    classify(locale: string, utterance: string): Promise<NluResult>;
    train(): Promise<unknown>;
    export(minified?: boolean): string;
    import(data: string | object): void;
  }
}

declare module '@nlpjs/nlu' {
  import type { Container } from '@nlpjs/core';
  /** The neural NLU of one domain; subclasses may replace the steps of its pipeline. */
  export class NluNeural {
    constructor(settings?: Record<string, unknown>, container?: Container);
    container: Container;
    defaultPipelinePrepare(input: {
      settings?: { locale?: string };
      text?: string;
      utterance?: string;
    }): Promise<unknown>;
  }
}
