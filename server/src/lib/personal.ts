// Personal data (身份证号, mobile numbers): validated and masked by the rules module's functions, the same
// ones the mini-program checks a number with as it is typed.
export {
  birthDateOfIdNumber,
  genderOfIdNumber,
  ID_NUMBER_MESSAGES,
  idNumberProblem,
  isMobilePhone,
  isRealDate,
  maskIdNumber,
  maskPersonalData,
  maskPhone,
  PROVINCE_CODES,
  type IdNumberProblem,
} from '@changhu/rules';
