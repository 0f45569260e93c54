// The shapes of the server's answers this app reads (see /api/v1/openapi.json).
export interface Named {
  id: string;
  name: string;
}
export interface Region extends Named {
  districts: (Named & { group: string })[];
}
export interface Cite {
  doc: string;
  clause: string;
}
export interface Note {
  code: string;
  text: string;
  cite?: Cite[];
}
export interface Reason {
  code: string;
  text: string;
  citation: Cite | null;
}
export interface EligibilityAnswer {
  verdict: 'eligible' | 'not-eligible' | 'apply-for-assessment' | 'unknown';
  reasons: Reason[];
  nextSteps: string[];
  citations: Cite[];
  asOf: string;
}
export interface Estimate {
  monthlyCapFen: number | null;
  proratedCapFen?: number;
  eligibleCostFen: number | null;
  fundRatio: number | null;
  fundPaysFen: number | null;
  personPaysFen: number | null;
  indicative: boolean;
  indicativeFundPaysFen?: number;
  notes: Note[];
  citations: Cite[];
  month: string;
  daysInMonth: number;
  daysCovered: number;
}
export interface Comparison {
  month: string;
  modes: { careMode: string; name: string; hospitalTier?: number; estimate: Estimate }[];
  notOffered: Named[];
}
export interface DocumentView {
  id: string;
  title: string;
  shortName?: string;
  issuer: string;
  number: string | null;
  status: 'draft' | 'in-force' | 'expired' | 'not-yet';
  draft: boolean;
  inForce: { from: string; to: string | null };
}
export interface ClauseEntry {
  id: string;
  title: string;
  parent: string | null;
}
export interface ClauseView {
  doc: string;
  clause: string;
  title: string;
  text: string;
  label?: string;
}
export interface Questions {
  source: string;
  quickScreen: {
    title: string;
    marks: { id: string; name: string; text: string }[];
    items: { group: 'a' | 'b'; id: string; name: string; question: string }[];
  };
  domains: {
    id: string;
    name: string;
    items: {
      id: string;
      name: string;
      question: string;
      hint: string | null;
      verified: boolean;
      options: { points: number; text: string; verified: boolean }[];
    }[];
  }[];
}
export interface QuickScreenAnswer {
  level: string;
  dependentA: number;
  dependentB: number;
  shouldApply: boolean;
  notes: Note[];
  steps: { text: string }[];
}
export interface SelfCheckAnswer {
  adl: { score: number; levelName: string };
  cognition: { score: number; levelName: string };
  perception: { score: number; levelName: string };
  gradeName: string;
  verified: boolean;
  notes: Note[];
  steps: { text: string }[];
}
