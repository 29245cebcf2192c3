// The decided vocabulary (item status, channel state, stages, 四关) with its Chinese display names: one place only.

export const ItemStatus = {
  Submitted: 'Submitted',
  InReview: 'InReview',
  ReturnedForRevision: 'ReturnedForRevision',
  Withdrawn: 'Withdrawn',
  Approved: 'Approved',
  Scheduled: 'Scheduled',
  Publishing: 'Publishing',
  Published: 'Published',
  PartiallyPublished: 'PartiallyPublished',
  Failed: 'Failed',
  Retracting: 'Retracting',
  Retracted: 'Retracted',
  RetractFailed: 'RetractFailed',
  NeedsAttention: 'NeedsAttention',
} as const;
export type ItemStatus = (typeof ItemStatus)[keyof typeof ItemStatus];

const statusNames: Record<string, string> = {
  Submitted: '已提交（自动检查中）',
  InReview: '审核中',
  ReturnedForRevision: '已退回修改',
  Withdrawn: '已撤稿',
  Approved: '已通过终审',
  Scheduled: '定时发布中',
  Publishing: '发布中',
  Published: '已发布',
  PartiallyPublished: '部分渠道已发布',
  Failed: '发布失败',
  Retracting: '撤回中',
  Retracted: '已撤回发布',
  RetractFailed: '撤回未完成',
  NeedsAttention: '需管理员处理',
};
export const statusName = (s: string) => statusNames[s] ?? s;

/** Statuses an editor can filter 我的稿件 by (what main's API accepts today). */
export const filterableStatuses: ItemStatus[] = [
  ItemStatus.InReview, ItemStatus.ReturnedForRevision, ItemStatus.Submitted, ItemStatus.Approved, ItemStatus.Scheduled,
  ItemStatus.Publishing, ItemStatus.Published, ItemStatus.PartiallyPublished, ItemStatus.Failed, ItemStatus.Retracted,
  ItemStatus.Withdrawn,
];

/** Statuses whose published channels an operator may retract. */
export const retractableStatuses: string[] = [
  ItemStatus.Published, ItemStatus.PartiallyPublished, ItemStatus.Failed, ItemStatus.RetractFailed,
];

export const withdrawableStatuses: string[] = [ItemStatus.Submitted, ItemStatus.InReview, ItemStatus.ReturnedForRevision];

export const ChannelState = {
  Pending: 'pending',
  Sending: 'sending',
  Published: 'published',
  PendingReview: 'pendingReview',
  Failed: 'failed',
  Unknown: 'unknown',
  Previewed: 'previewed',
  Retracting: 'retracting',
  Retracted: 'retracted',
  RetractFailed: 'retractFailed',
} as const;

const channelStateNames: Record<string, string> = {
  pending: '待发布',
  sending: '发送中',
  published: '已发布',
  pendingReview: '待平台审核',
  failed: '发布失败',
  unknown: '结果未知，需人工核实',
  previewed: '已生成预览（预览模式，未实际发送）',
  retracting: '撤回中',
  retracted: '已撤回',
  retractFailed: '撤回失败',
};
export const channelStateName = (s: string) => channelStateNames[s] ?? s;
export const retryableChannelStates: string[] = [ChannelState.Failed, ChannelState.Unknown];
export const channelTone = (s: string): Tone =>
  s === 'published' || s === 'previewed' || s === 'retracted' ? 'ok'
    : s === 'failed' || s === 'unknown' || s === 'retractFailed' ? 'bad'
      : 'wait';

export type Tone = 'ok' | 'bad' | 'wait' | 'neutral';
export const statusTone = (s: string): Tone =>
  s === 'Published' || s === 'Approved' ? 'ok'
    : s === 'Failed' || s === 'RetractFailed' || s === 'NeedsAttention' || s === 'ReturnedForRevision' ? 'bad'
      : s === 'Withdrawn' || s === 'Retracted' ? 'neutral'
        : 'wait';

export const Stage = { Initial: 'initial', Second: 'second', Final: 'final' } as const;
export const stages = [Stage.Initial, Stage.Second, Stage.Final];
const stageNames: Record<string, string> = { initial: '初审', second: '复审', final: '终审' };
export const stageName = (s: string | null | undefined) => (s ? stageNames[s] ?? s : '');

export const Role = {
  Editor: 'Editor',
  InitialReviewer: 'InitialReviewer',
  SecondReviewer: 'SecondReviewer',
  FinalReviewer: 'FinalReviewer',
  Admin: 'Admin',
  Auditor: 'Auditor',
} as const;
const roleNames: Record<string, string> = {
  Editor: '编辑', InitialReviewer: '初审人员', SecondReviewer: '复审人员', FinalReviewer: '终审人员', Admin: '管理员', Auditor: '审计人员',
};
export const roleName = (r: string) => roleNames[r] ?? r;
export const reviewerRoleOf: Record<string, string> = {
  initial: Role.InitialReviewer, second: Role.SecondReviewer, final: Role.FinalReviewer,
};

export const Aspect = { Political: 'political', Legal: 'legal', Confidentiality: 'confidentiality', Textual: 'textual' } as const;
export const aspects = [Aspect.Political, Aspect.Legal, Aspect.Confidentiality, Aspect.Textual];
const aspectNames: Record<string, string> = { political: '政治关', legal: '法律关', confidentiality: '保密关', textual: '文字关' };
export const aspectName = (a: string) => aspectNames[a] ?? a;
export const aspectHints: Record<string, string> = {
  political: '政治导向、领导人姓名职务、涉台港澳及国名表述',
  legal: '法律法规引用全称、未引用已废止规定、公开合法',
  confidentiality: '无密级标识、工作秘密和个人隐私',
  textual: '错别字、标点、乱码和文号格式',
};

export const Severity = { Block: 'block', Warn: 'warn', Info: 'info' } as const;
const severityNames: Record<string, string> = { block: '阻断', warn: '警告', info: '提示' };
export const severityName = (s: string) => severityNames[s] ?? s;

export const kinds = ['news', 'policy', 'interpretation', 'notice'] as const;
const kindNames: Record<string, string> = { news: '新闻动态', policy: '政策文件', interpretation: '政策解读', notice: '通知公告' };
export const kindName = (k: string) => kindNames[k] ?? k;

export const channels = ['website', 'wechat', 'weibo'] as const;
const channelNames: Record<string, string> = { website: '政府网站', wechat: '政务微信', weibo: '政务微博' };
export const channelName = (c: string) => channelNames[c] ?? c;

export const disclosureModes = ['主动公开', '依申请公开', '不予公开'] as const;

export const DueState = { Overdue: 'overdue', DueToday: 'dueToday', OnTime: 'onTime', None: 'none' } as const;
const dueNames: Record<string, string> = { overdue: '已逾期', dueToday: '今日到期', onTime: '未到期', none: '无期限' };
export const dueName = (d: string) => dueNames[d] ?? d;

export const Decision = { Approve: 'approve', Reject: 'reject' } as const;

const auditActionNames: Record<string, string> = {
  submitted: '提交稿件', 'version-stored': '保存版本', 'checks-run': '自动检查', 'stage-opened': '进入审核环节',
  'review-decision': '审核决定', reminder: '催办提醒', escalation: '超期上报', returned: '退回修改', revised: '提交修改版本',
  withdrawn: '撤稿', approved: '终审通过', 'note-added': '添加批注', 'note-resolved': '批注已处理',
};
export const auditActionName = (a: string) =>
  auditActionNames[a] ?? (a.startsWith('channel-') ? `渠道：${channelStateName(a.slice('channel-'.length))}` : a);

const levelNames: Record<string, string> = { ok: '正常', warning: '预警', alarm: '告警', never: '从未更新' };
export const levelName = (l: string) => levelNames[l] ?? l;
