// Shapes of the API responses the desk reads (field names as the server's JSON).

export interface ItemMetadata {
  publisher?: string | null;
  orgCode?: string | null;
  documentNumber?: string | null;
  disclosureMode?: string | null;
  category?: string | null;
  validity?: string | null;
  writtenDate?: string | null;
  indexNumber?: string | null;
  wechatTitle?: string | null;
}

/** One place a grouped finding occurs, as the API sends it. */
export interface FindingOccurrence {
  start: number;
  length: number;
  excerpt: string;
  htmlStart?: number | null;
  htmlLength?: number | null;
  replacement?: string | null;
}

/**
 * One occurrence of a fault as the desk shows it (see lib/findings.ts): `suggestion` is the mechanical replacement
 * that "应用建议" writes into the text, never free advice.
 */
export interface Finding {
  id?: string;
  aspect: string;
  ruleId: string;
  severity: string;
  message: string;
  start: number;
  length: number;
  excerpt: string;
  suggestion?: string | null;
  htmlStart?: number | null;
  htmlLength?: number | null;
  count?: number;
  occurrences?: FindingOccurrence[];
  replacement?: string | null;
}

export interface CheckReport {
  findings: Finding[];
  sanitizedHtml: string;
}

export interface ReviewRecord {
  stage: string;
  decision: string;
  aspects: { political: boolean; legal: boolean; confidentiality: boolean; textual: boolean };
  comment?: string | null;
  reviewer: string;
  reviewerName: string;
  at: string;
  version: number;
}

export interface Publication {
  state: string;
  url?: string | null;
  version: number;
  attempts: number;
  lastError?: string | null;
  updatedAt: string;
  outboxBlob?: string | null;
}

export interface ItemView {
  id: string;
  kind: string;
  title: string;
  version: number;
  status: string;
  stage?: string | null;
  indexNumber?: string | null;
  metadata: ItemMetadata;
  channels: string[];
  submittedBy: string;
  submittedByName: string;
  findings: Finding[];
  reviews: ReviewRecord[];
  dueAt?: string | null;
  createdAt: string;
  updatedAt: string;
  publishAt?: string | null;
  interpretsItemId?: string | null;
  approvedVersion?: number | null;
  contentHash?: string | null;
  publications: Record<string, Publication>;
}

export interface VersionView {
  id: string;
  version: number;
  kind: string;
  title: string;
  sanitizedHtml: string;
  metadata: ItemMetadata;
  channels: string[];
  submittedBy: string;
  submittedAt: string;
  contentHash: string;
}

export interface PassageNote {
  id: string;
  itemId: string;
  version: number;
  aspect: string;
  quote: string;
  prefix?: string | null;
  suffix?: string | null;
  text: string;
  author: string;
  authorName: string;
  stage: string;
  createdAt: string;
  resolved: boolean;
  resolvedByName?: string | null;
}

export interface DiffSegment {
  kind: 'equal' | 'inserted' | 'deleted';
  text: string;
}

export interface VersionDiff {
  itemId: string;
  fromVersion: number;
  toVersion: number;
  body: DiffSegment[];
  fields: { field: string; label: string; from?: string | null; to?: string | null }[];
  insertedCharacters: number;
  deletedCharacters: number;
}

export interface QueueEntry {
  id: string;
  kind: string;
  title: string;
  version: number;
  stage: string;
  indexNumber?: string | null;
  submittedByName: string;
  blockFindings: number;
  warnFindings: number;
  stageOpenedAt: string;
  dueAt?: string | null;
  workingDaysAtStage: number;
  dueState: string;
  overdueWorkingDays: number;
}

export interface DeskItemRow {
  id: string;
  kind: string;
  title: string;
  version: number;
  status: string;
  stage?: string | null;
  indexNumber?: string | null;
  submittedByName: string;
  blockFindings: number;
  warnFindings: number;
  dueAt?: string | null;
  updatedAt: string;
  approvedVersion?: number | null;
  channels: string[];
  publications: Record<string, Publication>;
}

export interface PolicyOption {
  id: string;
  title: string;
  documentNumber?: string | null;
  indexNumber?: string | null;
  status: string;
  submittedByName: string;
}

export interface AuditEntry {
  sequence: number;
  eventId: string;
  action: string;
  actor: string;
  at: string;
  stage?: string | null;
  version?: number | null;
  details?: string | null;
  hash: string;
}

export interface InboxNotification {
  id: string;
  kind: string;
  itemId: string;
  message: string;
  at: string;
}
