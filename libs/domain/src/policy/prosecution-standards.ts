// Prosecution thresholds (立案追诉标准) as the national standards set them, per
// violation code of the demo catalogue: the demo policy and the test policy
// carry the same list (a jurisdiction's policy may restate or extend it).

import type { CriminalThreshold } from './policy.types';

export const PROSECUTION_STANDARDS: readonly CriminalThreshold[] = [
  // 《立案追诉标准（一）》第十六条 (生产、销售伪劣产品案, 《刑法》第一百四十条), item by item.
  {
    violationCode: 'PRODUCT-FAKE',
    kind: 'SALES',
    amount: 50000,
    inclusive: true,
    offence: '《刑法》第一百四十条 生产、销售伪劣产品罪',
    source: '《最高人民检察院 公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）》第十六条第（一）项（伪劣产品销售金额五万元以上）',
  },
  {
    violationCode: 'PRODUCT-FAKE',
    kind: 'UNSOLD_GOODS_VALUE',
    amount: 150000,
    inclusive: true,
    offence: '《刑法》第一百四十条 生产、销售伪劣产品罪',
    source: '《最高人民检察院 公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）》第十六条第（二）项（伪劣产品尚未销售，货值金额十五万元以上）',
  },
  {
    violationCode: 'PRODUCT-FAKE',
    rule: 'WEIGHTED_SUM',
    terms: [
      { kind: 'SALES', weight: 3 },
      { kind: 'UNSOLD_GOODS_VALUE', weight: 1 },
    ],
    whileBelow: { kind: 'SALES', amount: 50000 },
    amount: 150000,
    inclusive: true,
    offence: '《刑法》第一百四十条 生产、销售伪劣产品罪',
    source: '《最高人民检察院 公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）》第十六条第（三）项（销售金额不满五万元，已销售金额乘以三倍后与尚未销售的货值金额合计十五万元以上）',
  },
  // 《立案追诉标准（一）》第六十七条 (非法占用农用地案, 《刑法》第三百四十二条): the law counts mu; the case records m².
  {
    violationCode: 'LAND-OCCUPY',
    kind: 'BASIC_FARMLAND_M2',
    unit: 'MU',
    amount: 5,
    inclusive: true,
    offence: '《刑法》第三百四十二条 非法占用农用地罪',
    source: '《最高人民检察院 公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）》第六十七条第一款第（一）项（非法占用基本农田五亩以上）',
  },
  {
    violationCode: 'LAND-OCCUPY',
    kind: 'OTHER_FARMLAND_M2',
    unit: 'MU',
    amount: 10,
    inclusive: true,
    offence: '《刑法》第三百四十二条 非法占用农用地罪',
    source: '《最高人民检察院 公安部关于公安机关管辖的刑事案件立案追诉标准的规定（一）》第六十七条第一款第（一）项（非法占用基本农田以外的耕地十亩以上）',
  },
  // A repeat offence: 法释〔2023〕7号 第一条第（六）项 (《刑法》第三百三十八条 "严重污染环境").
  {
    violationCode: 'AIR-EXCESS',
    rule: 'REPEAT',
    amount: 2,
    inclusive: true,
    withinMonths: 24,
    sameKind: '在重污染天气预警期间违反国家规定超标排放二氧化硫、氮氧化物等实行排放总量控制的大气污染物（记录前次处罚的执法人员判断是否同类）',
    offence: '《刑法》第三百三十八条 污染环境罪',
    source: '《最高人民法院 最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释》（法释〔2023〕7号）第一条第（六）项（二年内曾因此类行为受过二次以上行政处罚，又实施此类行为）',
  },
];
