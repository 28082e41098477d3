import { defineMessages } from '../i18n';

/** The personal-data read log's texts (PIPL), both languages with the same keys. */
export const usePersonalDataMessages = defineMessages({
  zh: {
    nav: '个人信息查阅',
    title: '当事人个人信息查阅记录',
    intro: '每一次查看当事人完整身份证号码、电话或地址的记录（包括下载载有这些信息的文书和证据）：查看人、角色、时间、案件、查看途径、查看的信息和理由（《个人信息保护法》）。',
    at: '时间',
    reader: '查看人',
    fields: '查看的信息',
    reason: '理由',
    empty: '没有查阅记录',
    total: (n: number) => `共 ${n} 条`,
    field: { idNumber: '身份证号码', phone: '联系电话', address: '住所' } as Record<string, string>,
    source: '查看途径',
    sources: { PARTY: (_: string | null) => '当事人信息', DOCUMENT: (n: string | null) => `下载文书 ${n ?? ''}`, EVIDENCE: (id: string | null) => `下载证据 ${id ?? ''}` },
  },
  en: {
    nav: 'Personal data',
    title: "Reads of parties' personal information",
    intro: "Every read of a party's full ID number, phone or address (downloads of the documents and evidence that carry them included): who, in which role, when, on which case, through what, what and why (PIPL).",
    at: 'When',
    reader: 'Who',
    fields: 'Read in full',
    reason: 'Reason',
    empty: 'No reads',
    total: (n: number) => `${n} reads`,
    field: { idNumber: 'ID number', phone: 'phone', address: 'address' } as Record<string, string>,
    source: 'Read through',
    sources: { PARTY: (_: string | null) => 'the party', DOCUMENT: (n: string | null) => `document ${n ?? ''} downloaded`, EVIDENCE: (id: string | null) => `evidence ${id ?? ''} downloaded` },
  },
});
