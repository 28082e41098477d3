import { Descriptions, Table, Tag, Typography } from 'antd';
import type { CaseView, components } from '../api';
import { valueLabel } from '../commands/field-labels';
import { formatDateTime } from '../format';
import { defineMessages, useI18n } from '../i18n';

type Measure = components['schemas']['CoerciveMeasureView'];
type Item = components['schemas']['InventoryItemView'];

const useMessages = defineMessages({
  zh: {
    title: '先行登记保存与查封扣押',
    id: '编号',
    kind: '措施',
    status: '状态',
    period: '期限',
    items: '物品清单',
    officers: '实施人员',
    ending: '处理结果',
    approval: '负责人审批',
    pending: '待批准',
    approved: '已批准',
    refused: '不予批准',
    late: '逾期',
    emergency: '紧急先行实施',
    extended: '已延长',
    days: '日',
    testing: '检测期间',
    kinds: { PRESERVATION: '先行登记保存', SEIZURE: '查封扣押' },
    statuses: { REQUESTED: '待批准', OPEN: '实施中', LAPSED: '期满未处理', ENDED: '已结束', REFUSED: '未获批准' },
  },
  en: {
    title: 'Preservations and seizures',
    id: 'Id',
    kind: 'Measure',
    status: 'Status',
    period: 'Period',
    items: 'Inventory',
    officers: 'Officers',
    ending: 'Outcome',
    approval: "Head's approval",
    pending: 'pending',
    approved: 'approved',
    refused: 'refused',
    late: 'late',
    emergency: 'emergency',
    extended: 'extended',
    days: 'days',
    testing: 'testing',
    kinds: { PRESERVATION: 'Preservation', SEIZURE: 'Seizure' },
    statuses: { REQUESTED: 'Awaiting approval', OPEN: 'In force', LAPSED: 'Lapsed undecided', ENDED: 'Ended', REFUSED: 'Refused' },
  },
});

const STATUS_COLOR: Record<Measure['status'], string> = { REQUESTED: 'gold', OPEN: 'blue', LAPSED: 'red', ENDED: 'default', REFUSED: 'default' };

/** 先行登记保存 (APL 56) and 查封扣押 (ACL 24–28) on the case: each measure, its inventory, period and outcome. */
export function MeasuresSection({ caseView }: { caseView: CaseView }) {
  const m = useMessages();
  const { lang } = useI18n();
  const measures = caseView.coerciveMeasures ?? [];
  if (measures.length === 0) return null;
  return (
    <section id="measures" aria-labelledby="measures-title" style={{ marginTop: 24 }}>
      <Typography.Title level={2} id="measures-title" style={{ fontSize: 18 }}>
        {m.title}
      </Typography.Title>
      <Table<Measure>
        data-testid="measures"
        size="small"
        pagination={false}
        rowKey="measureId"
        dataSource={measures}
        expandable={{ expandedRowRender: (x) => <Inventory items={x.items} />, rowExpandable: (x) => x.items.length > 0 }}
        columns={[
          { title: m.id, dataIndex: 'measureId', width: 120 },
          {
            title: m.kind,
            key: 'kind',
            width: 150,
            render: (_, x) => `${m.kinds[x.kind]}${x.mode ? `（${valueLabel(x.mode, lang)}）` : ''}${x.emergency ? ` · ${m.emergency}` : ''}`,
          },
          {
            title: m.status,
            key: 'status',
            width: 110,
            render: (_, x) => (
              <Tag color={STATUS_COLOR[x.status]} data-testid={`measure-status-${x.measureId}`}>
                {m.statuses[x.status]}
              </Tag>
            ),
          },
          {
            title: m.period,
            key: 'period',
            width: 260,
            render: (_, x) =>
              x.startAt && x.dueAt
                ? `${formatDateTime(x.startAt, lang)} – ${formatDateTime(x.dueAt, lang)}${x.extension ? ` · ${m.extended} ${x.extension.days} ${m.days}` : ''}${
                    x.testing.length ? ` · ${m.testing} ${x.testing.length}` : ''
                  }`
                : '—',
          },
          {
            title: m.approval,
            key: 'approval',
            width: 120,
            render: (_, x) => (x.approval ? `${x.approval.approved ? m.approved : m.refused}${x.approval.late ? `（${m.late}）` : ''}` : m.pending),
          },
          { title: m.officers, key: 'officers', render: (_, x) => x.officers.map((o) => o.name).join('、') },
          {
            title: m.ending,
            key: 'ending',
            render: (_, x) =>
              x.ending ? `${valueLabel(x.ending.outcome, lang)}${x.ending.transferredTo ? `：${x.ending.transferredTo}` : ''}（${x.ending.basis}）${x.ending.late ? ` · ${m.late}` : ''}` : '—',
          },
        ]}
      />
    </section>
  );
}

function Inventory({ items }: { items: Item[] }) {
  const m = useMessages();
  return (
    <Descriptions size="small" column={1} title={m.items}>
      {items.map((i, n) => (
        <Descriptions.Item key={n} label={`${n + 1}. ${i.description}`}>
          {i.quantity} {i.unit} · {i.location} · {i.custodian}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
