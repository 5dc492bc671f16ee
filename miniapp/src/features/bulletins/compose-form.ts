import type { Audience } from '../../../../shared/bulletins/audience';
import type { BulletinKind } from '../../../../shared/bulletins/catalogue';
import { fromMarkup } from '../../../../shared/bulletins/rich-text';
import { CreateBulletinBody } from '../../../../shared/bulletins/schemas';
import type { IndustryId } from '../../../../shared/domain/industries';
import type { FormValidation } from '../../components/form-state';
import { shanghaiInstant } from './bulletin-format';

export type Scope = 'officer' | 'chief' | 'centre';
/** 'station' is the caller's own station (officer, chief); 'stations' the centre's choice of stations. */
export type AudienceType = 'all' | 'station' | 'stations' | 'industry' | 'enterprises';

export const AUDIENCE_OPTIONS: Record<Scope, { key: AudienceType; label: string }[]> = {
  officer: [
    { key: 'station', label: '本所全部企业' },
    { key: 'enterprises', label: '我联系的企业' },
  ],
  chief: [
    { key: 'station', label: '本所全部企业' },
    { key: 'industry', label: '本所某一行业' },
    { key: 'enterprises', label: '选定企业' },
  ],
  centre: [
    { key: 'all', label: '全部企业' },
    { key: 'stations', label: '选定派出所' },
    { key: 'industry', label: '某一行业' },
    { key: 'enterprises', label: '选定企业' },
  ],
};

export type ComposeDraft = {
  kind: BulletinKind;
  title: string;
  text: string;
  audienceType: AudienceType;
  industry: IndustryId | null;
  /** centre: the station an industry is limited to, or whose enterprises are being chosen ('' = none) */
  stationId: string;
  stationIds: string[];
  enterpriseIds: string[];
  scheduled: boolean;
  day: string;
  time: string;
};

export type ComposeField = 'kind' | 'title' | 'body' | 'audience' | 'publishAt';
export const COMPOSE_FIELDS: readonly ComposeField[] = ['kind', 'title', 'body', 'audience', 'publishAt'];

export function emptyDraft(scope: Scope, today: string): ComposeDraft {
  return { kind: 'risk', title: '', text: '', audienceType: AUDIENCE_OPTIONS[scope][0].key, industry: null, stationId: '', stationIds: [], enterpriseIds: [], scheduled: false, day: today, time: '09:00' };
}

export function audienceOf(d: ComposeDraft, ownStationId: string | null): Audience | null {
  switch (d.audienceType) {
    case 'all':
      return { type: 'all' };
    case 'station':
      return ownStationId ? { type: 'stations', stationIds: [ownStationId] } : null;
    case 'stations':
      return { type: 'stations', stationIds: d.stationIds };
    case 'industry':
      if (!d.industry) return null;
      return ownStationId ? { type: 'industry', industry: d.industry, stationId: ownStationId } : { type: 'industry', industry: d.industry, ...(d.stationId ? { stationId: d.stationId } : {}) };
    case 'enterprises':
      return { type: 'enterprises', enterpriseIds: d.enterpriseIds };
  }
}

/**
 * The draft as the request body, validated with the server's schema. `ownStationId` is the chief's or
 * officer's station (their audiences are within it); null for the centre.
 */
export function validateDraft(d: ComposeDraft, ownStationId: string | null): FormValidation<CreateBulletinBody, ComposeField> {
  const audience = audienceOf(d, ownStationId);
  const candidate = {
    kind: d.kind,
    title: d.title,
    body: fromMarkup(d.text),
    audience: audience ?? undefined,
    publishAt: d.scheduled ? shanghaiInstant(d.day, d.time) : undefined,
  };
  const errors: Partial<Record<ComposeField, string>> = {};
  if (!audience) errors.audience = d.audienceType === 'industry' ? '请选择行业' : '请选择发送范围';
  if (d.scheduled && new Date(candidate.publishAt!).getTime() <= Date.now() + 60_000) errors.publishAt = '定时发布时间应晚于当前时间至少1分钟';
  const parsed = CreateBulletinBody.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as ComposeField;
      if (COMPOSE_FIELDS.includes(field) && !errors[field]) errors[field] = issue.message;
    }
  }
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, body: parsed.data, errors: {} };
  return { ok: false, errors };
}
