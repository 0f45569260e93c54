// The ID number as it is typed. The full GB 11643 check (province code, birth date, checksum) is the rules'
// idNumberProblem, which the server applies on saving and whose message is shown under the field. The
// mini-program's build does not yet compile the rules package's source (miniapp/config needs
// compile.include for rules/src): until it does, only the shape is checked here, never a second copy of the rule.
/** A slip seen while typing (a letter among the digits); null while it may still become a valid number. */
export function idNumberProblemAsTyped(raw: string): string | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{0,17}$|^\d{17}[\dX]$/.test(id)) return '身份证号前17位是数字，最后一位是数字或 X';
  return null;
}

/** On saving: also a number too short. */
export function idNumberProblemOnSave(raw: string): string | null {
  const id = raw.trim();
  if (!id) return '请填写老人的身份证号';
  return idNumberProblemAsTyped(id) ?? (id.length < 18 ? `身份证号是18位，现在少了${18 - id.length}位` : null);
}
