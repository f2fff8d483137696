/** Model answers the fake server streams back: a faithful report for analysis.intake, and planted mistakes. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixturesDir } from '../helpers/seeds';

export function readLlmFixture(name: string): string {
  return fs.readFileSync(path.join(fixturesDir(), name), 'utf8');
}

/** Splits text into pieces of `size` characters, the way a model streams. */
export function chunks(text: string, size = 17): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** A report for test/fixtures/analysis.intake that agrees with the engine: no problems to find. */
export const GOOD_REPORT = `# 企业IT系统推荐报告：银行 · 跨境支付清算

## 业务需求分析
- 客户为银行，细分领域为跨境支付清算，用户量300万+〔L1, L2, L3〕。
- 总预算：$100万/年〔L19〕，其中初期建设60%、持续运维30%〔L20〕。

## 推荐系统方案
- 方案B（推荐）：专线/SD-WAN互联选用AWS Direct Connect〔L7, L10〕；方案A选用华为 SD-WAN 解决方案。
- 可观测性可补充 Prometheus 社区方案（自行建议）。

## 适用性分析
- 跨区域同步延迟目标<50ms低于物理下限，需改为异步复制〔L14〕。

## 关键特性
- 专线互联、分布式数据库与统一可观测性。

## 实施建议
- 共26周，分M0–M4五个阶段〔L14〕。

## 成本效益分析
- 3年TCO中一次性建设（第1年）20%，持续订阅与运维（3年）80%。

## 风险提示
- SOC2 Type III 并不存在，应与客户确认为 Type II〔L16〕。
- PCI DSS v4.0 已于2024-12-31废止，现行为v4.0.1〔L16〕。

## 下一步建议
1. 组织2–4周POC〔L7, L14〕。
`;

/** The same report with planted mistakes: a standard level that does not exist, stated as a requirement, and a wrong total budget. */
export const BAD_REPORT = GOOD_REPORT.replace('总预算：$100万/年〔L19〕', '总预算：$120万/年〔L19〕').replace(
  '- 专线互联、分布式数据库与统一可观测性。',
  '- 专线互联、分布式数据库与统一可观测性；按客户要求取得SOC2 Type III报告。',
);

/** Everything planted in test/fixtures/llm/pii.intake. */
export const PLANTED = {
  company: ['华东明远保险股份有限公司', '明远保险'],
  person: ['张伟', '王芳', 'Ms. Chen'],
  phone: ['13812345678', '021-62345678转8001', '+1 415 555 0100'],
  email: ['zhang.wei@mingyuan-ins.com'],
  id: ['440305198506151233', 'E12345678'],
} as const;
