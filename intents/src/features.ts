// What the classifier sees of a message. NLP.js's Chinese tokenizer splits domain words (失能 → 失|能)
// and its stemmer turns tokens into pinyin; we replace both with our own features: the text with
// typos, dialect and synonyms folded to one spelling, entity values replaced by their type (a region or
// an amount says nothing about the intent, only that one is there), 的 read as a word break, laughter one
// token, an agent's frame (来电人问…) dropped, then character bigrams (and, weighed less, characters).
import { extractEntities, foldWidth, type EntityType } from './entities';

/** Bump when the features change: a model trained on other features is retrained. */
export const FEATURES_VERSION = 12;

/**
 * Spellings folded to one form, longest first. Left: what people type (typos by pinyin input,
 * dialect, family words, short forms); right: the form the corpus uses.
 */
const FOLD: [string, string][] = [
  // the insurance itself
  ['长护险', '长护险'],
  ['长护通', '长护通'],
  ['长期护理保险', '长护险'],
  ['长期护理险', '长护险'],
  ['长期照护保险', '长护险'],
  ['长期护理', '长护险'],
  ['长护保险', '长护险'],
  ['长护线', '长护险'],
  ['长户险', '长护险'],
  ['长护鲜', '长护险'],
  ['常护险', '长护险'],
  ['长互险', '长护险'],
  ['长沪险', '长护险'],
  ['长护显', '长护险'],
  ['常户险', '长护险'],
  ['长护', '长护险'],
  ['护理险', '长护险'],
  ['护理保险', '长护险'],
  ['长护险险', '长护险'],
  ['长乎险', '长护险'],
  ['长呼险', '长护险'],
  ['场护险', '长护险'],
  // disability
  ['湿能', '失能'],
  ['失育', '失能'],
  ['师能', '失能'],
  ['瘫在床上', '卧床'],
  ['瘫床上', '卧床'],
  ['瘫在床', '卧床'],
  ['瘫床', '卧床'],
  ['躺在床上', '卧床'],
  ['躺床上', '卧床'],
  ['卧床不起', '卧床'],
  ['下不了床', '卧床'],
  ['起不来床', '卧床'],
  ['起不了床', '卧床'],
  ['瘫痪', '瘫'],
  // other offices' appraisals keep their word: 鉴定 alone is the care assessment (失能鉴定), these are not
  ['伤残等级鉴定', '伤残鉴定'],
  ['伤残等级评定', '伤残鉴定'],
  ['伤残评定', '伤残鉴定'],
  ['伤残鉴定', '伤残鉴定'],
  ['残疾等级鉴定', '残疾鉴定'],
  ['残疾等级评定', '残疾鉴定'],
  ['残疾评定', '残疾鉴定'],
  ['残疾鉴定', '残疾鉴定'],
  ['工伤鉴定', '工伤鉴定'],
  ['劳动能力鉴定', '劳动能力鉴定'],
  ['职业病鉴定', '职业病鉴定'],
  ['鉴定', '评估'],
  ['评定', '评估'],
  ['测评', '评估'],
  ['评估的人', '评估员'],
  ['评估人员', '评估员'],
  ['评估师', '评估员'],
  ['评估专家', '评估员'],
  ['平估', '评估'],
  ['评古', '评估'],
  ['评佔', '评估'],
  // typos of pinyin input (same sound, wrong character)
  ['申清', '申请'],
  ['伸请', '申请'],
  ['申情', '申请'],
  ['互理', '护理'],
  ['护里', '护理'],
  ['报消', '报销'],
  ['抱销', '报销'],
  ['想受', '享受'],
  ['享授', '享受'],
  ['资科', '资料'],
  ['材科', '材料'],
  ['机购', '机构'],
  ['咱停', '暂停'],
  ['付评', '复评'],
  ['付平', '复评'],
  ['复平', '复评'],
  ['定典', '定点'],
  ['订点', '定点'],
  ['待愚', '待遇'],
  ['代遇', '待遇'],
  ['养老园', '养老院'],
  ['敬老院', '养老院'],
  ['老人院', '养老院'],
  ['上们', '上门'],
  ['亲请', '亲情'],
  ['人功', '人工'],
  ['进渡', '进度'],
  ['审和', '审核'],
  ['公式期', '公示期'],
  ['异意', '异议'],
  ['住完院', '出院'],
  // family and elderly voices: whoever is cared for is 老人
  ['俺老娘', '老人'],
  ['俺娘', '老人'],
  ['俺妈', '老人'],
  ['俺爹', '老人'],
  ['俺爸', '老人'],
  ['我老娘', '老人'],
  ['我老妈', '老人'],
  ['我老爸', '老人'],
  ['老母亲', '老人'],
  ['老父亲', '老人'],
  ['老爷子', '老人'],
  ['老太太', '老人'],
  ['老太婆', '老人'],
  ['老头子', '老人'],
  ['老两口', '老人'],
  ['家里老人', '老人'],
  ['家中老人', '老人'],
  ['老人家', '老人'],
  ['老年人', '老人'],
  ['我妈妈', '老人'],
  ['我爸爸', '老人'],
  ['我母亲', '老人'],
  ['我父亲', '老人'],
  ['我娘', '老人'],
  ['我爹', '老人'],
  ['我妈', '老人'],
  ['我爸', '老人'],
  ['老娘', '老人'],
  ['老妈', '老人'],
  ['老爸', '老人'],
  ['老爹', '老人'],
  ['老伴儿', '老人'],
  ['老伴', '老人'],
  ['婆婆', '老人'],
  ['公公', '老人'],
  ['奶奶', '老人'],
  ['爷爷', '老人'],
  ['外婆', '老人'],
  ['外公', '老人'],
  ['姥姥', '老人'],
  ['姥爷', '老人'],
  // southern dialect (温州, 闽南): 阿公 / 阿嬷 / 阿婆 / 阿爷 / 阿太
  ['阿公', '老人'],
  ['阿嬷', '老人'],
  ['阿婆', '老人'],
  ['阿爷', '老人'],
  ['阿太', '老人'],
  ['岳母', '老人'],
  ['岳父', '老人'],
  ['丈母娘', '老人'],
  ['老丈人', '老人'],
  ['母亲', '老人'],
  ['父亲', '老人'],
  // question words
  ['咋个办', '怎么办'],
  ['咋整', '怎么办'],
  ['咋弄', '怎么办'],
  ['咋办', '怎么办'],
  ['怎么整', '怎么办'],
  ['怎么弄', '怎么办'],
  ['怎么搞', '怎么办'],
  ['咋样', '怎么样'],
  ['咋个', '怎么'],
  ['咋', '怎么'],
  ['怎样', '怎么'],
  ['如何', '怎么'],
  ['怎莫', '怎么'],
  ['怎末', '怎么'],
  ['怎么么', '怎么'],
  ['啥子', '什么'],
  ['神马', '什么'],
  ['甚么', '什么'],
  ['什么么', '什么'],
  ['啥', '什么'],
  ['哪儿', '哪里'],
  ['哪里里', '哪里'],
  ['哪块', '哪里'],
  ['搁哪', '哪里'],
  ['可不可以', '能不能'],
  ['能否', '能不能'],
  ['行不行', '能不能'],
  ['中不中', '能不能'],
  ['有没有', '有没'],
  ['多少钱', '多少'],
  ['几多', '多少'],
  ['好多钱', '多少'],
  // concepts said many ways
  ['重新评估', '复评'],
  ['重新鉴定', '复评'],
  ['重新评', '复评'],
  ['再评一次', '复评'],
  ['再评估', '复评'],
  ['重评', '复评'],
  ['复审', '复评'],
  ['复核', '复评'],
  ['复议', '复评'],
  ['复查', '复评'],
  ['不认可', '不服'],
  ['不同意', '不服'],
  ['不接受', '不服'],
  ['不服气', '不服'],
  ['有异议', '不服'],
  ['有意见', '不服'],
  ['啥时候', '什么时候'],
  ['什么时间', '什么时候'],
  ['几时', '什么时候'],
  ['哪一天', '哪天'],
  ['几月份', '哪个月'],
  ['几月', '哪个月'],
  ['报停', '暂停'],
  ['停发', '暂停'],
  ['停掉', '暂停'],
  ['中止', '暂停'],
  ['缴纳', '缴费'],
  ['另外交', '单独交'],
  ['额外交', '单独交'],
  ['另交', '单独交'],
  ['断交', '断缴'],
  ['断保', '断缴'],
  ['欠缴', '断缴'],
  // what the insured pays before the insurance does
  ['起付标准', '起付线'],
  ['起付金额', '起付线'],
  ['门槛费', '起付线'],
  ['免赔额', '起付线'],
  ['交费', '缴费'],
  ['交钱', '缴费'],
  ['护理站', '护理机构'],
  ['护理公司', '护理机构'],
  ['服务机构', '护理机构'],
  ['服务商', '护理机构'],
  ['服务单位', '护理机构'],
  ['照护机构', '护理机构'],
  ['协议机构', '定点机构'],
  ['合作机构', '定点机构'],
  // events that end or pause a benefit, said many ways
  ['过世', '去世'],
  ['离世', '去世'],
  ['逝世', '去世'],
  ['病故', '去世'],
  ['身故', '去世'],
  ['死亡', '去世'],
  ['人没了', '去世'],
  ['老人没了', '去世'],
  ['人不在了', '去世'],
  ['不在了', '去世'],
  ['搬到外地', '搬走'],
  ['搬去外地', '搬走'],
  ['搬到外省', '搬走'],
  ['搬去外省', '搬走'],
  ['搬家到外地', '搬走'],
  ['去外地住', '搬走'],
  ['到外地住', '搬走'],
  ['在外地住', '搬走'],
  ['去外省住', '搬走'],
  ['在外省住', '搬走'],
  ['搬家', '搬走'],
  // money arriving, and money owed for months before
  ['到帐', '到账'],
  ['帐户', '账户'],
  ['打到卡上', '到账'],
  ['打到卡里', '到账'],
  ['打卡上', '到账'],
  ['到卡上', '到账'],
  ['打过来', '到账'],
  ['发到卡上', '到账'],
  ['补发', '补发'],
  ['补给', '补发'],
  ['补回来', '补发'],
  // the grade found too low, papers sent back
  ['评低了', '评低'],
  ['评轻了', '评低'],
  ['评得低', '评低'],
  ['评的低', '评低'],
  ['评少了', '评低'],
  ['评得太低', '评低'],
  ['打回来', '退回'],
  ['退回来', '退回'],
  ['驳回', '退回'],
  ['打回', '退回'],
  // the cost of care, said many ways
  ['护理的钱', '护理费'],
  ['护理钱', '护理费'],
  ['照护费', '护理费'],
  ['护理费用', '护理费'],
  // a grade lowered on review
  ['降成', '降级'],
  ['降为', '降级'],
  ['降到', '降级'],
  // looking after someone
  ['伺候', '照顾'],
  ['服侍', '照顾'],
  ['照料', '照顾'],
  ['照看', '照顾'],
  ['多长时间', '多久'],
  // people and places on the hotline
  ['人工客服', '人工'],
  ['人工服务', '人工'],
  ['真人', '人工'],
  ['活人', '人工'],
  ['坐席', '人工'],
  ['客服人员', '人工'],
  ['工作人员', '人工'],
  ['医保局', '医保部门'],
  ['医保中心', '医保部门'],
  ['医保所', '医保部门'],
  ['医保站', '医保部门'],
  ['医保窗口', '医保部门'],
  ['医疗保障局', '医保部门'],
  ['社保局', '社保部门'],
  ['社保中心', '社保部门'],
  ['人社局', '社保部门'],
  // pronouns and particles of dialect
  ['俺们', '我们'],
  ['俺', '我'],
  ['咱家', '我家'],
];

const FOLD_KEYS = FOLD.map(([k]) => k).sort((a, b) => b.length - a.length);
const FOLD_MAP = new Map(FOLD);
const FOLD_RE = new RegExp(FOLD_KEYS.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

/** Entity types whose value says nothing about the intent: replaced by a type marker. */
const MARKED: Partial<Record<EntityType, string>> = {
  region: '¤place',
  district: '¤place',
  amountFen: '¤money',
  date: '¤date',
  disabilityMonths: '¤months',
  grade: '¤grade',
};

export function fold(text: string): string {
  return foldWidth(text)
    .toLowerCase()
    .replace(FOLD_RE, (w) => FOLD_MAP.get(w) ?? w);
}

/**
 * An agent's summary of a call names who asks before what is asked (来电人问…, 市民咨询…, 来电人反映…): the
 * frame is dropped, so 来电人问评估去哪报 reads as 评估去哪报 whichever frame the agent types.
 */
const CALLER_FRAME =
  /^[\s，,。.：:]*(?:来电人|来电者|来电群众|来电市民|来电居民|来电家属|市民|群众|客户|用户|咨询人)(?:来电)?(?:询问|咨询|问|反映|表示|称|说|想了解|想知道|想问)[\s，,。.：:]*/u;

/** The text with entities replaced by markers, folded: what the tokens are taken from. */
export function prepare(text: string): string {
  // 的 ends a word: a bigram across it (险的, 的钱) is the same in every intent and says nothing.
  // Laughter (哈哈哈, 呵呵) is small talk whatever its length; 哈 alone is in 哈喽 and ends a clause (谢谢哈).
  const folded = fold(text)
    .replace(CALLER_FRAME, '')
    .replace(/的/g, ' ')
    .replace(/[哈呵嘿嘻]{2,}/g, ' ¤laugh ');
  const entities = extractEntities(folded, { today: '2000-01-01' });
  let out = '';
  let at = 0;
  for (const e of entities) {
    const mark = MARKED[e.type];
    if (!mark) continue;
    out += folded.slice(at, e.start) + ` ${mark} `;
    at = e.end;
  }
  return out + folded.slice(at);
}

const CJK = /[\u3400-\u9fff]/;

/**
 * The question forms of speech made one: A-not-A (过没过, 交不交, 批了没批) becomes A吗, and the particles
 * that end a clause (吗, 呢, 啊, a tag 不/没/没有 as in 能报不, 有资格没) are dropped. Held-out messages end
 * their clauses in every one of these ways; only the words before them say what is asked.
 */
export function plainQuestion(clause: string): string {
  const c = clause.replace(/(?:[吗嘛么呢啊呀吧哇哈啦嘞咧哦噢喔呗]|没有|没|不)+$/u, '');
  // A clause that would keep fewer than three characters keeps its tag (不, 没有, 好吧, 能报不).
  return c.length >= 3 ? c : clause;
}

/** Up to this many Chinese characters a message also gives its characters one by one. */
const SHORT_MESSAGE = 5;

/**
 * A longer message also gives each of its characters once, marked `_` and weighed {@link UNIGRAM_WEIGHT}
 * (a bigram weighs 1): 停止长护服务 and 申请停止 share 停 with the suspend lines when their bigrams lean
 * elsewhere. At full weight unigrams cost 4 points (first corpus): they pull every message with 报/交/评
 * towards the same intents.
 */
export const UNIGRAM_WEIGHT = 0.25;

/** The input value of a token for the network (NLP.js gives every token 1). */
export function tokenWeight(token: string): number {
  return token.startsWith('_') ? UNIGRAM_WEIGHT : 1;
}

/** Tokens: markers and Latin words as they are; Chinese runs as character bigrams. */
export function featureTokens(text: string): string[] {
  const prepared = prepare(text);
  const tokens: string[] = [];
  const parts = prepared.split(/(¤[a-z]+|[a-z0-9]+)|[^\u3400-\u9fff¤a-z0-9]+/).filter((x) => x);
  // A short message (批了没, 有门槛费没) has one or two bigrams; its characters say what they cannot.
  const short = [...prepared].filter((c) => CJK.test(c)).length <= SHORT_MESSAGE;
  for (const part of parts) {
    if (part.startsWith('¤') || /^[a-z0-9]+$/.test(part)) {
      tokens.push(/^[0-9]+$/.test(part) ? '¤num' : part);
      continue;
    }
    if (!CJK.test(part)) continue;
    const chars = [...plainQuestion(part)];
    // Bigrams only in longer messages: there unigrams cost 4 points of accuracy on the validation split
    // (they pull every message with 报/交/评 towards the same intents); a run of one or two keeps its characters (早, 早啊).
    if (chars.length <= 2 || short) tokens.push(...chars);
    for (let i = 0; i + 1 < chars.length; i += 1) tokens.push(chars[i] + chars[i + 1]);
  }
  if (!short) for (const c of new Set([...prepared].filter((x) => CJK.test(x)))) tokens.push(`_${c}`);
  return tokens;
}
