/** The 15 intents of the chatbot contract (issue 10); `None` is everything the bot must not answer. */
export const INTENT_IDS = [
  'greeting',
  'thanks',
  'eligibility.ask',
  'assessment.apply',
  'assessment.standard',
  'assessment.objection',
  'cost.estimate',
  'caremode.explain',
  'benefit.start',
  'application.status',
  'provider.find',
  'contribution.amount',
  'benefit.suspend',
  'agent.handoff',
  'None',
] as const;
export type IntentId = (typeof INTENT_IDS)[number];

export function isIntentId(x: string): x is IntentId {
  return (INTENT_IDS as readonly string[]).includes(x);
}

export interface Classification {
  intent: IntentId;
  score: number;
}
export interface Classifier {
  classify(text: string): Promise<Classification>;
}
