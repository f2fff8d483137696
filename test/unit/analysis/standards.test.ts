import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareVersions, findStandards, normLevel, wordingFor } from '../../../src/core/analysis/standards';
import { getFrameworks } from '../../../src/core/knowledge/knowledge';
import { analysisFixture, covered, findings, summary } from './helpers';

const goal = (text: string) => `[核心目标]：\n- 安全：${text}\n`;

describe('analysis: standards', () => {
  const frameworks = getFrameworks();
  const fw = (id: string) => {
    const f = frameworks.find((x) => x.id === id);
    assert.ok(f, `framework ${id}`);
    return f;
  };

  it('finds mentions with flexible spacing, versions and levels', () => {
    const m = findStandards('通过PCIDSS v4.0认证与AICPA SOC2 Type III，等保2.0三级，ISO27001:2022', frameworks);
    assert.deepEqual(
      m.map((x) => [x.framework.id, x.version?.value, x.level?.text]),
      [
        ['pci-dss', '4', undefined],
        ['soc-2', undefined, 'Type III'],
        ['mlps-2', undefined, '三级'],
        ['iso-27001', '2022', undefined],
      ],
    );
    assert.equal(findStandards('三级等保', frameworks)[0]?.level?.text, '三级', 'a level before the name');
  });

  it('compares versions as the numbers of their dotted parts, a missing part as 0', () => {
    // The reference: what compareVersions was.
    const reference = (a: string, b: string) => {
      const pa = a.split('.').map(Number);
      const pb = b.split('.').map(Number);
      for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0) return d;
      }
      return 0;
    };
    const pairs: Array<[string, string]> = [['4.0.1', '4.0.1'], ['4.0.1', '4'], ['4', '4.0.0'], ['3.2.1', '4'], ['2022', '2013'], ['', ''], ['', '0'], ['1.', '1'], ['.1', '0.1'], ['1..2', '1.0.2'], ['10', '9'], ['1.10', '1.9'], ['x', '1'], ['1.x', '1'], ['99999999999999999999', '1']];
    for (const [a, b] of pairs) {
      assert.ok(Object.is(compareVersions(a, b), reference(a, b)), `${a} vs ${b}`);
      assert.ok(Object.is(compareVersions(b, a), reference(b, a)), `${b} vs ${a}`);
    }
    const version = fc.stringMatching(/^[0-9.x ]{0,8}$/);
    fc.assert(fc.property(version, version, (a, b) => Object.is(compareVersions(a, b), reference(a, b))), { numRuns: 500 });
  });

  it('normalises levels', () => {
    assert.equal(normLevel('Type II'), normLevel('type 2'));
    assert.equal(normLevel('第三级'), normLevel('3级'));
    assert.equal(normLevel('三级'), '3级');
    assert.notEqual(normLevel('Type III'), normLevel('Type II'));
  });

  describe('intake.unknown-standard', () => {
    const cases: Array<[string, string]> = [
      ['通过AICPA SOC2 Type III认证', 'SOC2 Type III'],
      ['满足等保2.0六级', '等保2.0六级'],
      ['通过ISO 27001:2021认证', 'ISO 27001:2021'],
      ['符合PCI DSS v5.0', 'PCI DSS v5.0'],
    ];
    for (const [text, range] of cases) {
      it(`fires on ${range}`, () => {
        const t = goal(text);
        const f = findings(t, 'unknown-standard');
        assert.equal(f.length, 1, summary(f));
        assert.equal(f[0]!.severity, 'error');
        assert.equal(f[0]!.code, 'intake.unknown-standard');
        assert.equal(covered(t, f[0]!), range);
      });
    }

    it('says what exists', () => {
      const f = findings(goal('通过SOC2 Type III认证'), 'unknown-standard')[0]!;
      assert.match(f.message, /no level "Type III"; it has Type I \/ Type II/);
      const v = findings(goal('ISO 27001:2021'), 'unknown-standard')[0]!;
      assert.equal(v.message, 'ISO 27001:2021 does not exist; the current version is ISO/IEC 27001:2022.');
      assert.equal(v.replacement, 'ISO 27001:2022');
    });

    it('judges a level the same however often it is met (levels are normalised once per text)', () => {
      // Every roman numeral of one to five letters after "Type ": more distinct levels than are kept,
      // met twice each, and a level too long to be kept.
      const numerals: string[] = [''];
      for (let n = 0; n < 5; n++) for (const r of numerals.slice()) for (const c of 'IVX') if (r.length === n) numerals.push(r + c);
      const levels = numerals.slice(1).map((r) => `Type ${r}`);
      assert.ok(levels.length > 256);
      levels.push('Type IIIIIIIIIIIII');
      const flagged = (level: string) => findings(goal(`通过SOC2 ${level}报告`), 'unknown-standard').map((f) => f.message);
      const expected = (level: string) => (['type1', 'type2'].includes(normLevel(level)) ? [] : [`AICPA SOC 2 has no level "${level}"; it has Type I / Type II.`]);
      for (let round = 0; round < 2; round++) for (const level of levels) assert.deepEqual(flagged(level), expected(level), `${level}, round ${round}`);
      assert.deepEqual(flagged('Type II'), []);
      assert.deepEqual(flagged('Type IIIIIIIIIIIII'), ['AICPA SOC 2 has no level "Type IIIIIIIIIIIII"; it has Type I / Type II.']);
    });

    it('does not fire on standards that exist', () => {
      for (const text of ['SOC 2 Type II报告', 'SOC2 Type 1', 'ISO27001:2022认证', 'PCI DSS v4.0.1', '等保2.0三级', '第三级等保', 'IATF 16949:2016', 'GDPR第32条', 'GDPR Article 28', 'FAA适航数据存储规范', 'GB/T 22239-2019']) {
        assert.deepEqual(findings(goal(text), 'unknown-standard'), [], text);
      }
      assert.deepEqual(findings(analysisFixture('standards-ok')).map((f) => f.code), []);
    });
  });

  describe('intake.retired-standard', () => {
    const cases: Array<[string, string, string, RegExp]> = [
      ['通过PCIDSS v4.0认证', 'PCIDSS v4.0', 'PCIDSS v4.0.1', /^PCIDSS v4\.0 was retired on 2024-12-31; the current version is PCI DSS v4\.0\.1\.$/],
      ['PCI DSS v3.2.1', 'PCI DSS v3.2.1', 'PCI DSS v4.0.1', /retired on 2024-03-31/],
      ['ISO 27001:2013', 'ISO 27001:2013', 'ISO 27001:2022', /current version is ISO\/IEC 27001:2022/],
      ['GB/T 22239-2008', 'GB/T 22239-2008', 'GB/T 22239-2019', /retired on 2019-12-01/],
      ['密评依据GM/T 0054-2018', 'GM/T 0054-2018', 'GB/T 39786-2021', /^GM\/T 0054-2018 was retired on 2021-10-01; the current version is GB\/T 39786-2021\.$/],
    ];
    for (const [text, range, replacement, message] of cases) {
      it(`fires on ${range} with a replacement`, () => {
        const t = goal(text);
        const f = findings(t, 'retired-standard');
        assert.equal(f.length, 1, summary(f));
        assert.equal(f[0]!.severity, 'warning');
        assert.equal(covered(t, f[0]!), range);
        assert.equal(f[0]!.replacement, replacement);
        assert.match(f[0]!.message, message);
      });
    }

    it('calls a version older than every listed one retired', () => {
      const f = findings(goal('PCI DSS 3.0'), 'retired-standard');
      assert.equal(f.length, 1, summary(f));
      assert.equal(f[0]!.replacement, 'PCI DSS 4.0.1');
    });

    it('does not fire on current versions', () => {
      for (const text of ['PCI DSS v4.0.1', 'PCIDSS 4.0.1', 'ISO/IEC 27001:2022', 'IATF 16949:2016']) {
        assert.deepEqual(findings(goal(text), 'retired-standard'), [], text);
      }
    });
  });

  describe('intake.wording', () => {
    it('fires on 认证 for an attestation, replacing only 认证', () => {
      const t = goal('通过PCIDSS v4.0认证');
      const f = findings(t, 'wording');
      assert.equal(f.length, 1, summary(f));
      assert.equal(f[0]!.severity, 'information');
      assert.equal(covered(t, f[0]!), '认证');
      assert.equal(f[0]!.replacement, '合规评估（ROC/AOC）');
    });

    it('fires on 等保 certification wording with the filing-and-assessment wording', () => {
      for (const text of ['等保2.0三级认证', '等保三级认证', '等保认证']) {
        const t = goal(text);
        const f = findings(t, 'wording');
        assert.equal(f.length, 1, `${text}: ${summary(f)}`);
        assert.equal(covered(t, f[0]!), '认证');
        assert.equal(f[0]!.replacement, '备案与测评');
      }
    });

    it('fires on PCI认证 (an alias that contains 认证)', () => {
      const t = goal('需要PCI认证');
      const f = findings(t, 'wording');
      assert.equal(f.length, 1, summary(f));
      assert.equal(covered(t, f[0]!), '认证');
      assert.equal(f[0]!.replacement, '合规评估（ROC/AOC）');
    });

    it('gives no replacement when one 认证 serves a certification too', () => {
      const f = findings(goal('满足ISO27001+PCIDSS双认证'), 'wording');
      assert.equal(f.length, 1, summary(f));
      assert.equal(f[0]!.replacement, undefined);
      assert.match(f[0]!.message, /PCI DSS/);
    });

    it('does not fire for real certifications or correct wording', () => {
      for (const text of ['通过ISO27001:2022认证', '取得IATF 16949认证', 'ISO 27001认证', 'PCI DSS v4.0.1合规评估（ROC/AOC）', '等保2.0三级备案与测评', 'PCI DSS合规与ISO 27001认证']) {
        assert.deepEqual(findings(goal(text), 'wording'), [], text);
      }
    });

    it('derives the word from the preferred wording', () => {
      assert.equal(wordingFor(fw('pci-dss')), '合规评估（ROC/AOC）');
      assert.equal(wordingFor(fw('mlps-2')), '备案与测评');
      assert.equal(wordingFor(fw('soc-2')), '鉴证报告');
      assert.equal(wordingFor(fw('hipaa')), '合规');
    });
  });

  it('reports every finding of the bad fixture', () => {
    const text = analysisFixture('standards-bad');
    const got = findings(text).map((f) => `${f.code} ${covered(text, f)}`);
    assert.deepEqual(got, [
      'intake.unknown-standard SOC2 Type III',
      'intake.wording 认证',
      'intake.retired-standard PCI DSS v3.2.1',
      'intake.unknown-standard 等保2.0六级',
      'intake.unknown-standard ISO 27001:2021',
      'intake.unknown-standard PCI DSS v5.0',
      'intake.retired-standard ISO27001:2013',
    ]);
  });
});
