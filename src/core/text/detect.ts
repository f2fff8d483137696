/**
 * Finding personal and customer data in text: for redaction before anything is sent to an LLM
 * (llm/redact.ts), and so the offline report never quotes a contact (engine/understand/personal.ts).
 * A text foundation below both, so that neither depends on the other.
 * Heuristics, tuned to presales intakes (Chinese with some English):
 *
 * - company / customer names: the value of a name field (客户名称, 公司名称, 企业名称, 单位名称,
 *   机构名称, 甲方…); a run of name characters before a legal-entity or institution suffix
 *   (股份有限公司, 有限公司, 集团, 公司, 银行, 保险公司, 证券公司…), cut after lead-in words (客户为,
 *   服务于, 对接…) and skipped when it is a generic phrase (商业银行, 保险公司, 子公司…) or a public
 *   body (中国人民银行…); English names ending in Inc / Ltd / LLC / Corp / GmbH / PLC / Group / Bank.
 * - people: the value of 联系人 / 负责人 / 对接人 / 姓名…; a common surname (+ one or two characters)
 *   after such a word or before a title (经理, 总监, 先生, 女士…); Mr. / Ms. / Mrs. / Dr. + name.
 * - phones: CN mobiles 1[3-9]x xxxx xxxx (with or without +86, spaces, hyphens), landlines with an
 *   area code (010-12345678, (021)62345678, 0755 8888 8888, extensions), 400/800 numbers, and
 *   international numbers written with a leading +.
 * - e-mails.
 * - ID numbers: 18-digit 居民身份证 numbers whose date and ISO 7064 check digit are valid, passport
 *   numbers (E12345678, EA1234567, or any 6–9 letters/digits after 护照/passport), and the value
 *   after 统一社会信用代码 / 身份证 / 证件号.
 *
 * Names are discovered in the intake and then masked wherever they occur; the patterns are
 * matched in every text sent. A configurable list of names complements the discovery.
 */
import { foldForNeeds } from './requiredText';
import { holdsAny } from './holdsAny';
import { lazy } from './lazy';

export type RedactionKind = 'company' | 'person' | 'phone' | 'email' | 'id';

export interface Span {
  kind: RedactionKind;
  start: number;
  end: number;
}

/*
 * The patterns of this file that hold \p{Script=Han} are made on first use (`lazy`): V8 looks the
 * property up in ICU each time it reads such a pattern, when the pattern is made, and the report
 * of most intakes never runs them (see NEEDS below). Made at load, the six cost about 5 M
 * instructions of each `intake generate` (callgrind), for nothing.
 */

const nameChars = lazy(() => /[\p{Script=Han}A-Za-z0-9&·]/u);

// ---- company names -------------------------------------------------------------------------

const COMPANY_FIELD = /(?:客户名称|客户全称|公司名称|公司全称|企业名称|企业全称|单位名称|机构名称|集团名称|客户单位|甲方名称|甲方|采购方|最终用户)\s*[：:]\s*([^\n，,；;。（(]{2,60})/g;
const customerField = lazy(() => /(?<![\p{Script=Han}])客户\s*[：:]\s*([^\n，,；;。（(]{2,60})/gu);
/** Longest first, so 股份有限公司 wins over 公司. */
const SUFFIXES = ['集团股份有限公司', '股份有限公司', '有限责任公司', '集团有限公司', '有限公司', '（集团）', '保险公司', '证券公司', '基金公司', '信托公司', '保险集团', '金融集团', '集团', '公司', '银行'];
const SUFFIX_RE = new RegExp(`(?:${SUFFIXES.map(escapeRegExp).join('|')})(?![业卡账间行])`, 'g');
/** Words that introduce a name: the name starts after the last of them. */
const LEAD_INS = ['支持', '提供', '实现', '覆盖', '面向', '针对', '整个', '客户是', '客户为', '客户', '服务于', '来自', '隶属于', '隶属', '属于', '对接', '采用', '使用', '包括', '例如', '比如', '符合', '满足', '通过', '要求', '需要', '我司', '贵司', '我们', '与', '和', '及', '向', '对', '给', '由', '为', '是', '在', '于', '的', '把', '被', '如', '某', '该', '本', '其', '家'];
/** A body (the part before the suffix) that makes the phrase generic, not a name. */
const GENERIC_BODY = new Set(
  '商业 股份制 城市商业 农村商业 城商 农商 村镇 民营 外资 中资 国有 大型 中型 小型 中小 头部 上市 互联网 数字 直销 网络 私人 投资 开发 政策性 中央 商 母 子 分 总 控股 科技 金融 保险 证券 基金 信托 贸易 一家 多家 各家 国内 海外 境外 全球 跨国 合作 第三方 外包 供应商 运营商 电信 云 集团 人寿 财产 健康 养老 再 商业保险 寿险 财险 互联网保险 清算 支付 持牌 传统 新兴 区域性 全国性 地方 省级 城市 农村 合资 独资 壳 空壳 关联 目标 客户 子分 成员 下属 旗下 同业 头部券商 航空 航运 海运 物流 快递 电力 能源 电网 石油 石化 化工 钢铁 汽车 医药 医疗 制造 零售 电商 地产 房地产 建筑 交通 铁路 烟草 教育 传媒 文旅 农业 食品 开放 再保 城投 国企 央企 民企 外企 私企 信用社 农信 农合 虚拟 纯网络 财务 租赁 消费金融 汽车金融 理财 资管 期货 担保 小贷 典当'.split(' '),
);
const PUBLIC_BODIES = ['中国人民银行', '世界银行', '亚洲开发银行', '亚洲基础设施投资银行', '欧洲中央银行', '国际清算银行', '新开发银行'];
/** `（以下简称“明远保险”）`, `(下称明远)`: the short name a document defines. */
const ABBREVIATION = /[（(](?:以下)?(?:简称|下称|下文简称)[：:]?\s*[“"「『]?([^）)”"」』，,]{2,16}?)[”"」』]?[）)]/g;
const EN_COMPANY = /(?<![A-Za-z0-9&'-])((?:[A-Z][A-Za-z0-9&'-]*\s+){0,3}[A-Z][A-Za-z0-9&'-]*)\s+(Inc\.?|Ltd\.?|LLC|Corp\.?|Corporation|Co\.,?\s*Ltd\.?|GmbH|PLC|Limited|Group|Bank)(?![A-Za-z])/g;

export function discoverCompanies(text: string, keep: readonly string[] = []): string[] {
  const out = new Set<string>();
  const customer = customerField();
  for (const re of [COMPANY_FIELD, customer]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const value = m[1]!.trim();
      // A bare 客户: field is a name only when it looks like one (金融行业 is not).
      if (re === customer && !SUFFIXES.some((s) => value.endsWith(s))) continue;
      if (value.length >= 2 && !isKept(value, keep)) out.add(value);
    }
  }
  SUFFIX_RE.lastIndex = 0;
  for (let m = SUFFIX_RE.exec(text); m; m = SUFFIX_RE.exec(text)) {
    let start = m.index;
    while (start > 0 && m.index - start < 24 && nameChars().test(text.charAt(start - 1))) start--;
    const whole = text.slice(start, m.index);
    // 采购华为技术有限公司: a kept name (a vendor) inside the run wins over any lead-in cut.
    if (keep.some((k) => k.length >= 2 && whole.includes(k))) continue;
    const body = cutLeadIn(whole);
    if (body.length < 2 || GENERIC_BODY.has(body) || /^\d+$/.test(body)) continue;
    const name = body + m[0];
    if (PUBLIC_BODIES.includes(name) || isKept(name, keep)) continue;
    out.add(name);
  }
  ABBREVIATION.lastIndex = 0;
  for (let m = ABBREVIATION.exec(text); m; m = ABBREVIATION.exec(text)) if (!isKept(m[1]!, keep)) out.add(m[1]!.trim());
  // The short forms people write once the full name has been given: 华东明远保险股份有限公司 → 明远保险, 明远.
  for (const name of [...out]) for (const short of shortForms(name)) if (!isKept(short, keep)) out.add(short);
  EN_COMPANY.lastIndex = 0;
  for (let m = EN_COMPANY.exec(text); m; m = EN_COMPANY.exec(text)) {
    const name = m[0].trim();
    if (!isKept(name, keep) && !/^(?:The|A|An|Our|Your)\s/.test(name)) out.add(name);
  }
  return [...out];
}

/** Region words a company name often starts with. */
const REGIONS = ['中国', '中华', '华东', '华南', '华北', '华中', '西南', '西北', '东北', '北京', '上海', '天津', '重庆', '广东', '广州', '深圳', '江苏', '南京', '苏州', '浙江', '杭州', '宁波', '福建', '厦门', '山东', '青岛', '四川', '成都', '湖北', '武汉', '湖南', '长沙', '河南', '河北', '安徽', '江西', '陕西', '西安', '辽宁', '大连', '吉林', '黑龙江', '云南', '贵州', '广西', '海南', '香港', '澳门', '台湾'];
/** Industry words at the end of a short name (明远保险 → 明远). */
const INDUSTRY_TAILS = ['保险', '银行', '证券', '基金', '信托', '科技', '信息', '网络', '软件', '电子', '物流', '航空', '医药', '能源', '电力', '实业', '控股', '集团', '股份'];

/** 华东明远保险股份有限公司 → [华东明远保险, 明远保险, 明远]: without the legal suffix, the region, the industry word. */
export function shortForms(name: string): string[] {
  const suffix = SUFFIXES.find((s) => name.endsWith(s));
  if (!suffix) return [];
  const out: string[] = [];
  const add = (s: string) => {
    if (s.length >= 2 && s !== name && !GENERIC_BODY.has(s) && !/^\d+$/.test(s) && !REGIONS.includes(s) && !INDUSTRY_TAILS.includes(s)) out.push(s);
  };
  let body = name.slice(0, -suffix.length);
  add(body);
  const region = REGIONS.find((r) => body.startsWith(r) && body.length > r.length + 1);
  if (region) {
    body = body.slice(region.length);
    add(body);
  }
  const tail = INDUSTRY_TAILS.find((t) => body.endsWith(t) && body.length >= t.length + 2);
  if (tail) add(body.slice(0, -tail.length));
  return out;
}

function cutLeadIn(body: string): string {
  let cut = 0;
  for (const w of LEAD_INS) {
    const at = body.lastIndexOf(w);
    if (at >= 0 && at + w.length > cut) cut = at + w.length;
  }
  return body.slice(cut);
}

function isKept(name: string, keep: readonly string[]): boolean {
  const n = name.toLowerCase();
  return keep.some((k) => k.length >= 2 && n.startsWith(k.toLowerCase()));
}

// ---- people --------------------------------------------------------------------------------

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝';
const COMPOUND_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '慕容', '令狐', '皇甫', '尉迟', '公孙', '长孙', '宇文', '司徒', '夏侯'];
const SURNAME = `(?:${COMPOUND_SURNAMES.join('|')}|[${SURNAMES}])`;
const ROLE_WORDS = '联系人|负责人|对接人|经办人|决策人|签字人|审批人|联系人姓名|姓名|项目经理|客户经理|业务经理|产品经理|技术负责人|IT负责人|信息科技部负责人';
const TITLES = '总经理|副总经理|总裁|副总裁|董事长|经理|总监|主管|主任|处长|科长|部长|行长|院长|局长|先生|女士|小姐|老师|工程师|博士|教授|总工|总(?![\\p{Script=Han}])';
/** Two-character words that start with a surname character and often come before a title: not names. */
const NOT_NAMES = new Set(
  '项目 产品 高级 成本 安全 方案 应用 全国 全球 华东 华南 华北 华中 西南 西北 区域 大区 时间 文档 明确 全面 常务 执行 首席 资深 业务 信息 数据 系统 平台 网络 开发 交付 实施 服务 渠道 战略 财务 采购 质量 部门 客户 研发 架构 测试 运营 总部 分行 支行 人事 行政 法务 合规 风控 销售 市场 技术 运维 投资 商务 解决 程序 项目部 计划 管理 江苏 浙江 广东 上海 北京 深圳 广州 杭州 成都 武汉 南京 重庆 天津 苏州 西安 长沙 郑州 济南 青岛 宁波 厦门 福州 合肥 昆明 沈阳 大连 哈尔滨 长春 石家庄 太原 南昌 贵阳 南宁 海口 兰州 银川 西宁 乌鲁木齐 拉萨 呼和浩特 香港 澳门 台湾 车险 金融 保险 证券 银行 集团 公司 董事 副'.split(' '),
);
/** `联系人：张伟`, `负责人为李明`, `对接人 王芳（CIO）`; also Latin names after the field. */
const personField = lazy(() => new RegExp(`(?:${ROLE_WORDS})\\s*(?:(?:[：:]|为|是)\\s*)?(${SURNAME}[\\p{Script=Han}]{1,2}?(?=[^\\p{Script=Han}]|$|${TITLES})|[A-Z][a-z]+(?:\\s+[A-Z][a-z]+){0,2})`, 'gu'));
/** `王经理`, `张伟总监`, `李先生`: a name right before a title, not inside a longer word. */
const personTitle = lazy(() => new RegExp(`(?<=^|[^\\p{Script=Han}]|联系|致电|拜访|对接|抄送|汇报给|告知|与|和|或|及|由)(${SURNAME}[\\p{Script=Han}]{0,2}?)(${TITLES})`, 'gu'));
const HONORIFICS = ['Mr', 'Ms', 'Mrs', 'Miss', 'Dr', 'Prof'];
const PERSON_EN = new RegExp(`\\b(?:${HONORIFICS.join('|')})\\.?\\s+[A-Z][A-Za-z'-]+(?:\\s+[A-Z][A-Za-z'-]+)?`, 'g');
/** What people do in an intake's free text: `张伟表示…`, `由李明牵头`. */
const ACTS = '表示|说|认为|提出|反馈|确认|负责|牵头|介绍|强调|指出|要求|希望|沟通|签字|审批|同意|对接|主导|拍板|答复|回复|建议';
/** A title written before the name: `CTO李雷`, `总监 张伟`. */
const LATIN_LEAD_TITLES = ['CEO', 'CTO', 'CIO', 'CFO', 'COO', 'CISO', 'CDO', 'CSO', 'VP'];
const LEAD_TITLES = ['总经理', '总监', '经理', '主管', '主任', '部长', '行长', '董事长', '负责人'];
const personAfterTitle = lazy(() => new RegExp(`(?:(?<![A-Za-z])(?:${LATIN_LEAD_TITLES.join('|')})|${LEAD_TITLES.join('|')})[ \t:：]?(${SURNAME}[\\p{Script=Han}]{1,2}?)(?=[^\\p{Script=Han}]|$|${ACTS}|${TITLES})`, 'gu'));
/** A name in free text, before what the person did and after a word that leads to a person. */
const personActing = lazy(() => new RegExp(`(?<=^|[^\\p{Script=Han}]|由|与|和|跟|同|请|经|据|联系|致电|拜访|约|找|向|让)(${SURNAME}[\\p{Script=Han}]{1,2}?)(?=${ACTS})`, 'gu'));

/**
 * The words each pattern above cannot match without (each match holds one of its list, as
 * written: these patterns are case-sensitive). Most of an intake's texts hold none, and a few
 * `includes` cost far less than running, and in a short run first compiling, the patterns: about
 * 2 ms of a cold `intake generate`.
 */
const NEEDS = {
  field: ROLE_WORDS.split('|'),
  // A title's literal part (`总(?![\p{Script=Han}])` needs 总).
  title: TITLES.split('|').map((w) => w.replace(/\(.*$/, '')),
  en: HONORIFICS,
  afterTitle: [...LATIN_LEAD_TITLES, ...LEAD_TITLES],
  acting: ACTS.split('|'),
};

const SURNAME_CHARS = new Set(SURNAMES);

/**
 * Whether a surname starts at most six code units before one of `words` in `text` (a compound
 * surname, then up to two Han characters of up to two code units each): personTitle and
 * personActing find a name only right before their word, so without one they find nothing. The
 * two are the costliest patterns here to compile (Unicode classes of Han characters), and most
 * lines with a title or an act in them (驻场工程师, 要求, 对接) name nobody before it.
 */
function surnameBefore(text: string, words: readonly string[]): boolean {
  for (const w of words) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
      for (let i = Math.max(0, at - 6); i < at; i++) if (SURNAME_CHARS.has(text[i]!) || COMPOUND_SURNAMES.some((s) => text.startsWith(s, i))) return true;
    }
  }
  return false;
}

export function discoverPeople(text: string): string[] {
  const out = new Set<string>();
  if (holdsAny(text, NEEDS.field)) {
    const re = personField();
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) if (m[1]!.length >= 2 && !NOT_NAMES.has(m[1]!)) out.add(m[1]!);
  }
  if (surnameBefore(text, NEEDS.title)) {
    const re = personTitle();
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (NOT_NAMES.has(m[1]!) || NOT_NAMES.has(m[1]!.slice(0, 2))) continue;
      // A surname alone (王经理) is masked with its title: never mask a single character everywhere.
      out.add(m[1]!.length >= 2 ? m[1]! : m[1]! + m[2]!);
    }
  }
  if (holdsAny(text, NEEDS.en)) {
    PERSON_EN.lastIndex = 0;
    for (let m = PERSON_EN.exec(text); m; m = PERSON_EN.exec(text)) out.add(m[0]);
  }
  for (const [pattern, needs, named] of [[personAfterTitle, NEEDS.afterTitle, holdsAny], [personActing, NEEDS.acting, surnameBefore]] as const) {
    if (!named(text, needs)) continue;
    const re = pattern();
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) if (!NOT_NAMES.has(m[1]!) && !NOT_NAMES.has(m[1]!.slice(0, 2))) out.add(m[1]!);
  }
  return [...out];
}

// ---- patterns: phones, e-mails, IDs --------------------------------------------------------

const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const MOBILE = /(?<![\d+.])(?:(?:\+|00)?86[\s.-]?)?1[3-9]\d(?:[\s.-]?\d{4}){2}(?![\d.])/g;
const LANDLINE = /(?<![\dA-Za-z/.])(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3})[\s.-]?\d{3,4}[\s.-]?\d{4}(?:\s?(?:-|转|ext\.?)\s?\d{1,6})?(?![\d.])/g;
/** 16 or 19 digits, grouped by blanks or hyphens or not, with a valid Luhn check digit. */
const BANK_CARD = /(?<![\dA-Za-z])[1-9]\d{3}(?:[ -]?\d{4}){2,3}(?:[ -]?\d{1,3})?(?![\dA-Za-z])/g;
const SERVICE_NUMBER = /(?<!\d)[48]00[\s-]?\d{3}[\s-]?\d{4}(?!\d)/g;
const INTERNATIONAL = /(?<![\dA-Za-z])\+\d{1,3}(?:[\s-]?\(?\d{1,4}\)?){2,5}(?!\d)/g;
const CN_ID = /(?<![\dA-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])/g;
/** Passports (E, G), 港澳通行证 (C, W + 8 digits) and 回乡证 (H, M + 8 or 10 digits). */
const PASSPORT = /(?<![A-Za-z0-9])(?:[EGCW][A-Z]?\d{7,8}|[HM]\d{8}(?:\d{2})?)(?![A-Za-z0-9])/g;
export const ID_FIELD = /(?:护照(?:号码|号)?|passport(?:\s*(?:no\.?|number))?|身份证(?:号码|号)?|证件(?:号码|号)|(?:港澳|往来港澳)?通行证(?:号码|号)?|回乡证(?:号码|号)?|银行卡(?:号码|号)?|卡号|账号|统一社会信用代码|信用代码)\s*(?:[：:#]\s*)?([A-Za-z0-9]{6,18})/gi;

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** ISO 7064 MOD 11-2 check digit of an 18-digit 居民身份证 number. */
export function validChineseId(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11] === id.charAt(17).toUpperCase();
}

/** Luhn (mod 10) check of a card number's digits. */
export function validLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Full-width digits and signs as ASCII, one character for one (offsets are kept): `１３８` is a phone too. */
function halfWidth(text: string): string {
  return text.replace(/[０-９＋－．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Phones, e-mails, bank cards and ID numbers in `text`, possibly overlapping (the caller resolves). */
export function findPatterns(original: string): Span[] {
  const text = halfWidth(original);
  const out: Span[] = [];
  const all = (re: RegExp, kind: RedactionKind, accept: (s: string) => boolean = () => true, group = 0) => {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = m[group]!;
      const start = m.index + m[0].indexOf(s);
      if (accept(s)) out.push({ kind, start, end: start + s.length });
    }
  };
  // Each pattern runs only on a text that holds what any match of it holds (an @, a keyword, at
  // least as many digits as it writes): most lines hold none, and a pattern never run is never
  // compiled, which is most of what these cost in a short run.
  const digits = asciiDigits(text);
  if (text.includes('@')) all(EMAIL, 'email');
  if (digits >= 17) all(CN_ID, 'id', validChineseId);
  if (digits >= 12) {
    all(BANK_CARD, 'id', (s) => {
      const digits = s.replace(/\D/g, '');
      // 16 or 19 digits (UnionPay, Visa, Mastercard): an 18-digit number is an ID's to judge.
      return (digits.length === 16 || digits.length === 19) && validLuhn(digits);
    });
  }
  if (mayHoldIdField(text)) all(ID_FIELD, 'id', () => true, 1);
  if (digits >= 7) all(PASSPORT, 'id');
  if (digits >= 11) all(MOBILE, 'phone');
  if (digits >= 10) {
    all(LANDLINE, 'phone');
    all(SERVICE_NUMBER, 'phone');
  }
  if (digits >= 3 && text.includes('+')) {
    all(INTERNATIONAL, 'phone', (s) => {
      const digits = s.replace(/\D/g, '').length;
      return digits >= 8 && digits <= 15;
    });
  }
  return out;
}

/**
 * The words one of which every ID_FIELD match holds, folded (text/requiredText.ts reads them from
 * the pattern; a unit test checks this list against it). Written out: reading the pattern on the
 * first report compiled requiredText's parser and its \p{Script=Han} test, for a constant.
 */
export const ID_FIELD_NEEDS: readonly string[] = ['护照', 'passport', '身份证', '证件', '通行证', '回乡证', '银行卡', '卡号', '账号', '统一社会信用代码', '信用代码'];

/** Whether `text` holds one of ID_FIELD's words (any case); without them it cannot match. */
function mayHoldIdField(text: string): boolean {
  return holdsAny(foldForNeeds(text), ID_FIELD_NEEDS);
}

/** How many ASCII digits `text` holds (what `\d` matches without the `u` flag). */
function asciiDigits(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
