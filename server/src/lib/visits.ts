// The ids and names of a visit's identity check and of the consent to items outside the plan paid by the
// person: one table for the server's answers and the console's forms. Which document requires them for a
// region (if any) comes from the rules' careConditions, never from here.
// No imports, so the console can bundle it.

export const IDENTITY_METHODS = [
  'id-card',
  'social-security-card',
  'face-recognition',
  'medical-insurance-code',
] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];
export const IDENTITY_METHOD_NAMES: Record<IdentityMethod, string> = {
  'id-card': '查验身份证',
  'social-security-card': '查验社保卡',
  'face-recognition': '人脸识别',
  'medical-insurance-code': '医保电子凭证',
};

export const SELF_PAID_CONSENT_METHODS = ['in-person', 'written', 'phone-recorded'] as const;
export type SelfPaidConsentMethod = (typeof SELF_PAID_CONSENT_METHODS)[number];
export const SELF_PAID_CONSENT_NAMES: Record<SelfPaidConsentMethod, string> = {
  'in-person': '当面同意',
  written: '书面同意',
  'phone-recorded': '电话录音同意',
};
