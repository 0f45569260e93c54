import * as fs from 'fs';
import * as path from 'path';
import checkedIn from '../src/data/clauses.json';
import { clauseText, getClause, hasClause, listClauses } from '../src/clauses';
import { DOC_IDS, type DocId } from '../src/domain';
import {
  chineseNumeral,
  extractAll,
  extractClauses,
  LAW_FILES,
  normaliseLine,
  SEED_FILES,
} from '../scripts/clause-parser';
import { LAW_DIR } from '../scripts/extract-clauses';

// The law lives in the repository (rules/law); nothing here needs a folder beside it.
const readLaw = (file: string): string => fs.readFileSync(path.join(LAW_DIR, file), 'utf8');

// A maintainer who has the project's original seeds (a `shared/seeds` folder beside the repository, or
// CHANGHU_SEEDS_DIR) also checks that the copies in rules/law are the originals, byte for byte.
const SEEDS_DIR = process.env.CHANGHU_SEEDS_DIR ?? path.join(__dirname, '..', '..', '..', 'shared', 'seeds');
const haveSeeds = fs.existsSync(path.join(SEEDS_DIR, SEED_FILES['wenzhou-2023']));

/** Every clause the rules module cites, with words its text must contain. */
const CITED: Record<DocId, Record<string, string[]>> = {
  'wenzhou-2023': {
    '§标题': ['关于深化推进长期护理保险制度试点的实施方案（2023-2025年）', '征求意见稿'],
    '§前言': ['制定本实施方案'],
    '§一(三)': ['2023年将市区城乡居民险种人员纳入长期护理保险保障范围', '2025年将各县（市）'],
    '§二': ['二、待遇保障', '2980元/月'],
    '§二(一)': ['全市职工基本医疗保险参保人群'],
    '§二(二)': ['失能状态持续6个月以上', '重度失能标准'],
    '§二(三)': ['暂定100元', '暂定90元', '参照职工执行'],
    '§二(四)': ['从等级评估通过次月起开始享受待遇'],
    '§二(五)': ['2980元/月', '2384元/月', '1788元/月', '1490元/月', '1192元/月', '894元/月', '80%', '不低于50%'],
    '§三(一)': ['长期护理失能等级评估标准'],
    '§三(二)': ['抽取3-5名专家委员'],
    '§三(三)': ['10个工作日内申请复评', '停止长护险待遇'],
    '§四(二)': ['纳入医保定点机构统一管理'],
    '§四(四)': ['按月结算', '按实际享受天数进行结算'],
    '§五(四)': ['2024年1月1日'],
  },
  'jinjiang-2023': {
    '§标题': ['晋政规〔2023〕3号', '2023年3月20日', '晋江市长期护理保险制度试点工作方案暂行规定'],
    '§二(一)': ['一至六级残疾军人'],
    '§二(二)': ['90元/人·年', '60元/人·年', '30元/人·年', '集体，由市财政直接结算划转'],
    '§二(三)': ['不少于6个月'],
    '§二(四)': ['（四）待遇内容', '（3）居家护理', '2.辅助器具服务'],
    '§二(四)1': ['1.护理服务', '（1）机构护理', '（2）社区护理', '（3）居家护理'],
    '§二(四)2': ['辅助器具服务', '三方按比例分担'],
    '§二(五)': ['失能预防干预'],
    '§二(六)': ['救助托底'],
    '§三(一)': ['评估管理', '医保办发〔2021〕37号'],
    '§三(三)': ['定点服务机构实行协议管理'],
    '§四(四)': ['2023年4月1日', '2026年3月31日'],
  },
  'jining-2022': {
    '§标题': ['医疗保障局、财政局、卫生健康局'],
    '§一': ['任城区、兖州区、曲阜市、邹城市、金乡县、汶上县'],
    '§二': ['每人每年30元', '每人每年25元', '每人每年5元'],
    '§三(一)': ['照护需求等级评估'],
    '§三(二)': ['70%、65%、60%', '不设起付线'],
    '§三(三)': ['长期护理保险资金不予支付'],
    '§五': ['五、医疗服务和监督'],
    '§七': ['济政办发〔2018〕33号', '各试点县（市、区）'],
  },
  'jilin-2022': {
    '§标题': ['索引号', '吉医保联〔2022〕31号', '2022年10月31日', '2022年11月08日'],
    '§(三)': ['长春市、松原市、梅河口市、省直'],
    '§(四)': ['住院、机构照护服务期间停止居家照护服务'],
    '§(五)': ['定点机构'],
    '§(六)': ['项目+时长'],
    '§(八)': ['一对多'],
    '§(九)': ['满意度评价'],
    '§(十)': ['规范基金支付', '5.财务管理'],
    '§(十)2': ['年度最高支付限额'],
    '§(十)3': ['不设起付线', '具体比例由试点地区确定'],
    '§(十)4': ['由个人支付给定点机构'],
  },
  'jilin-2017': {
    '§标题': ['吉政办发〔2017〕28号', '2017年4月16日'],
    '§四(二)': ['参保范围'],
    '§四(三)': ['筹资机制', '2.筹资标准'],
    '§四(三)2': ['以收定支、收支平衡、略有结余'],
    '§四(四)': ['长期处于失能状态的参保人群', '长期重度失能人员'],
    '§四(五)': ['70%左右', '不设起付标准'],
    '§六(二)': ['避免待遇重复享受'],
  },
};

const citations = DOC_IDS.flatMap((doc) =>
  Object.entries(CITED[doc]).map(([id, words]) => [doc, id, words] as [DocId, string, string[]]),
);

describe('cited clauses resolve to the words of the law', () => {
  test.each(citations)('%s %s', (doc, id, words) => {
    expect(hasClause(doc, id)).toBe(true);
    const text = clauseText(doc, id);
    for (const w of words) expect(text).toContain(w);
  });
});

describe('clause structure', () => {
  test.each([...DOC_IDS])('%s: unique ids, parents exist and come first, parent text contains child text', (doc) => {
    const clauses = listClauses(doc);
    const seen = new Map<string, string>();
    for (const c of clauses) {
      expect(seen.has(c.id)).toBe(false);
      if (c.parent !== null) {
        expect(seen.has(c.parent)).toBe(true);
        expect(seen.get(c.parent)).toContain(c.text);
      }
      seen.set(c.id, c.text);
    }
    expect(clauses[0].id).toBe('§标题');
    expect(clauses[1].id).toBe('§前言');
  });

  test.each([...DOC_IDS])('%s: texts are whitespace-normalised prose', (doc) => {
    for (const c of listClauses(doc)) {
      expect(c.text.length).toBeGreaterThan(0);
      for (const line of c.text.split('\n')) {
        expect(line).toBe(normaliseLine(line));
        expect(line).not.toBe('');
      }
    }
  });

  test('numbering conventions', () => {
    expect(getClause('jilin-2022', '§(四)')?.parent).toBe('§二');
    expect(getClause('jilin-2022', '§(十一)')?.parent).toBe('§二');
    expect(getClause('jilin-2022', '§(十)2')?.parent).toBe('§(十)');
    expect(listClauses('jilin-2022').filter((c) => /^§\([一二三四五六七八九十]+\)$/.test(c.id))).toHaveLength(15);
    expect(getClause('jinjiang-2023', '§二(四)1(3)')?.parent).toBe('§二(四)1');
    expect(getClause('jilin-2017', '§四(三)1')?.title).toBe('筹资渠道');
    expect(getClause('wenzhou-2023', '§二(五)')).toMatchObject({ title: '支付标准', parent: '§二' });
    expect(listClauses('jining-2022').map((c) => c.id)).toEqual([
      '§标题',
      '§前言',
      '§一',
      '§二',
      '§三',
      '§三(一)',
      '§三(二)',
      '§三(三)',
      '§四',
      '§五',
      '§六',
      '§七',
    ]);
    expect(clauseText('jinjiang-2023', '§附')).toContain('抄送');
  });

  test('page-break artefacts are joined into continuous prose', () => {
    expect(clauseText('jilin-2022', '§前言')).toContain('总结长春市等试点地区经验');
    expect(clauseText('jilin-2022', '§(七)')).toContain('职业培训学校或经民政');
    expect(clauseText('jilin-2022', '§四')).toContain('要进一步优化政策');
    expect(clauseText('jilin-2017', '§三(五)')).toContain('提升保障绩效');
    expect(clauseText('jinjiang-2023', '§二(四)2')).toContain('卫健等部门');
    expect(clauseText('jinjiang-2023', '§四(二)')).toContain('市长期护理保险服务中心在领导小组');
    expect(clauseText('jilin-2017', '§一')).toContain('“三个代表”重要思想');
  });
});

describe('API', () => {
  test('unknown citations do not resolve', () => {
    expect(hasClause('wenzhou-2023', '§九')).toBe(false);
    expect(clauseText('wenzhou-2023', '§九')).toBeUndefined();
    expect(getClause('wenzhou-2023', '§九')).toBeUndefined();
    expect(hasClause('nowhere' as DocId, '§一')).toBe(false);
    expect(listClauses('nowhere' as DocId)).toEqual([]);
  });

  test('returned clauses are copies', () => {
    const c = getClause('wenzhou-2023', '§二(五)')!;
    c.text = 'changed';
    listClauses('wenzhou-2023')[0].text = 'changed';
    expect(clauseText('wenzhou-2023', '§二(五)')).toContain('2980元/月');
    expect(listClauses('wenzhou-2023')[0].text).not.toBe('changed');
  });
});

describe('extraction', () => {
  test('re-running the extraction on rules/law yields exactly the checked-in JSON', () => {
    expect(extractAll(readLaw)).toStrictEqual(checkedIn);
    expect(Object.keys(checkedIn)).toEqual([...DOC_IDS]);
  });

  test('rules/law holds the five documents and nothing else', () => {
    const files = fs.readdirSync(LAW_DIR).filter((f) => f.endsWith('.txt'));
    expect(files.sort()).toEqual(Object.values(LAW_FILES).sort());
    const readme = fs.readFileSync(path.join(LAW_DIR, 'README.md'), 'utf8');
    for (const doc of DOC_IDS) expect(readme).toContain(`\`${doc}\``);
  });

  (haveSeeds ? test.each([...DOC_IDS]) : test.skip.each([...DOC_IDS]))(
    '%s in rules/law is the original seed, byte for byte',
    (doc) => {
      const copy = fs.readFileSync(path.join(LAW_DIR, LAW_FILES[doc]));
      const original = fs.readFileSync(path.join(SEEDS_DIR, SEED_FILES[doc]));
      expect(copy.equals(original)).toBe(true);
    },
  );

  test('chinese numerals', () => {
    expect(['一', '九', '十', '十一', '十五', '二十', '二十三'].map(chineseNumeral)).toEqual([
      1, 9, 10, 11, 15, 20, 23,
    ]);
  });

  test('numbering gaps and concatenated documents are rejected', () => {
    const doc = '标题\n为了测试。\n一、甲\n（一）乙。\n（三）丙。\n';
    expect(() => extractClauses('wenzhou-2023', doc)).toThrow(/numbering/);
    const twice = '为了测试。\n一、甲\n二、乙\n一、甲\n';
    expect(() => extractClauses('wenzhou-2023', twice)).toThrow(/numbering/);
  });
});
