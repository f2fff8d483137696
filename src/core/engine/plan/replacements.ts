/**
 * What the project itself replaces, by the kind of project it is: a foreign database in a
 * 数据库国产化替代, the Windows, Office and Exchange of an office 信创替代, the switches and access
 * points of a campus network rebuild, the PCs' operating system when the desktops move into the
 * data centre, the VMware of a virtualisation platform replacement. Such a component has no upgrade of its own to schedule
 * (lifecycle.ts), such a product in the estate is no incumbent to build on (picks.ts), and the
 * licence the customer pays for it may end with it (benefits.ts).
 */
import type { Product, Trait } from '../../knowledge/schema';
import type { Understanding } from '../understand';

interface Replacement {
  trait: Trait;
  /** The system types the project replaces. */
  categories: readonly string[];
  /** Only foreign products are replaced (a domestic database already meets a 国产化 requirement). */
  foreignOnly: boolean;
  /** What the report says of a component it replaces, in place of an upgrade path. */
  said: string;
  /**
   * Whether the product it replaces stays a candidate for what replaces it: the incumbent switch
   * vendor's new equipment competes in a network rebuild; the VMware a project leaves does not.
   */
  incumbentCompetes: boolean;
  /**
   * When the customer stops paying for what it replaces, and where the new product's maintenance
   * is counted instead: the yearly licence the intake names is then a saving (benefits.ts).
   */
  licenceEnds?: { when: string; instead: string };
}

const REPLACEMENTS: readonly Replacement[] = [
  {
    trait: 'database-replacement',
    categories: ['transactional-db'],
    foreignOnly: true,
    said: '在本期国产化替代中迁移下线，不单独升级；替换前做好网络隔离与备份',
    incumbentCompetes: false,
    licenceEnds: { when: '最后一批割接、原库下线后不再支付', instead: '新数据库的维保已计入上表的运行费用' },
  },
  { trait: 'office-xinchuang', categories: ['desktop-os', 'office-suite', 'email'], foreignOnly: true, said: '在本期办公信创替代中替换，不单独升级；替换前先做加固与隔离', incumbentCompetes: false },
  { trait: 'email-replacement', categories: ['email'], foreignOnly: false, said: '在本期邮件系统替换中迁移下线，不单独升级；迁移完成前先做加固与隔离', incumbentCompetes: false },
  { trait: 'campus-network', categories: ['campus-network'], foreignOnly: false, said: '在本期园区网络改造中更换，不单独升级', incumbentCompetes: true },
  {
    trait: 'virtualization-replacement',
    categories: ['hyperconverged-virtualization'],
    foreignOnly: true,
    said: '在本期虚拟化平台替换中迁移下线，不单独升级；迁移前先做加固与隔离',
    incumbentCompetes: false,
    licenceEnds: { when: '最后一批迁完、旧平台下线后不再续约', instead: '新平台的维保已计入上表的运行费用' },
  },
  { trait: 'virtual-desktop', categories: ['desktop-os'], foreignOnly: false, said: '云桌面镜像直接采用受支持的版本，原有电脑改作瘦终端或到期退役，不单独升级；迁移前先做加固与隔离', incumbentCompetes: true },
];

/** The replacement the project makes of a component of these system types (of this origin, when known), if it makes one. */
export function replacementOf(u: Pick<Understanding, 'traits'>, what: { categories: readonly string[]; origin?: Product['origin'] }): Replacement | undefined {
  return REPLACEMENTS.find((r) => u.traits.has(r.trait) && !(r.foreignOnly && what.origin === 'cn') && what.categories.some((c) => r.categories.includes(c)));
}

/** When the licence of what the project replaces stops being paid, if the project is one that ends it (the first such, in table order). */
export function licenceEndOf(u: Pick<Understanding, 'traits'>): Replacement['licenceEnds'] {
  return REPLACEMENTS.find((r) => r.licenceEnds !== undefined && u.traits.has(r.trait))?.licenceEnds;
}
