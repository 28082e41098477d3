import { defineMessages } from '../i18n';

/** The liaisons' incoming-transfers screen (两法衔接, 公安机关·检察机关), both languages with the same keys. */
export const useIncomingMessages = defineMessages({
  zh: {
    nav: '移送案件',
    title: '移送本机关的案件',
    intro: '行政执法机关移送本机关的涉嫌犯罪案件中，等待本机关办理的事项及其法定时限（《行政执法机关移送涉嫌犯罪案件的规定》）。',
    empty: '没有等待本机关办理的移送案件',
    act: '办理',
    loading: '正在读取案件…',
    body: (name: string) => `本机关：${name}`,
    noBody: '您的账号未登记所属的公安机关或检察机关，任何移送案件都不会交由您办理，请联系管理员。',
  },
  en: {
    nav: 'Incoming transfers',
    title: 'Transfers sent to my body',
    intro: 'Suspected criminal cases an enforcement agency transferred to your body, with what waits for you and its statutory limit (Regulation 310).',
    empty: 'No transfer waits for your body',
    act: 'Act',
    loading: 'Reading the case…',
    body: (name: string) => `My body: ${name}`,
    noBody: 'Your account names no police or procuratorate body, so no transfer is addressed to you; ask an administrator.',
  },
});
