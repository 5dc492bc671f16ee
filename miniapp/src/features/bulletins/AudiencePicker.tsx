import { Text, View } from '@tarojs/components';
import { INDUSTRIES, type IndustryId } from '../../../../shared/domain/industries';
import { ChoiceChips } from '../../components/ChoiceChips';
import { LoadMore } from '../../components/LoadMore';
import { StatusView } from '../../components/StatusView';
import { usePaged } from '../../services/hooks';
import { api } from '../../services/request';
import { AUDIENCE_OPTIONS, type AudienceType, type ComposeDraft, type Scope } from './compose-form';

export interface AudiencePickerProps {
  scope: Scope;
  /** the officer's id (their enterprises) and the officer's or chief's station */
  officerId: string | null;
  stationId: string | null;
  draft: ComposeDraft;
  onChange: (changes: Partial<ComposeDraft>) => void;
}

function Toggle({ on, label, detail, onTap, testId }: { on: boolean; label: string; detail?: string; onTap: () => void; testId: string }) {
  return (
    <View className={`compose__choice${on ? ' compose__choice--on' : ''}`} data-testid={testId} aria-checked={on} onClick={onTap}>
      <Text className='compose__check'>{on ? '✓' : '○'}</Text>
      <Text>{label}</Text>
      {detail ? <Text className='app-muted'>{detail}</Text> : null}
    </View>
  );
}

const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** 发送范围: what the caller may address — all / stations / an industry / chosen enterprises. */
export function AudiencePicker({ scope, officerId, stationId, draft, onChange }: AudiencePickerProps) {
  const needsStations = scope === 'centre' && draft.audienceType !== 'all';
  const stations = usePaged((cursor) => api('listStations', { query: { cursor, limit: 100 } }), [needsStations], needsStations);
  // Whose enterprises can be chosen: the officer's own, the chief's station's, or the station the centre picked.
  const pickStation = scope === 'centre' ? draft.stationId : stationId;
  const choosing = draft.audienceType === 'enterprises' && (scope === 'officer' ? Boolean(officerId) : Boolean(pickStation));
  const enterprises = usePaged(
    (cursor) =>
      scope === 'officer'
        ? api('listOfficerEnterprises', { params: { officerId: officerId! }, query: { cursor, limit: 50 } })
        : api('listStationEnterprises', { params: { stationId: pickStation! }, query: { cursor, limit: 50 } }),
    [choosing, pickStation, officerId, scope],
    choosing,
  );

  return (
    <View className='audience-picker' data-testid='audience-picker'>
      <ChoiceChips testId='audience-type' options={AUDIENCE_OPTIONS[scope]} value={draft.audienceType} onChange={(k: AudienceType) => onChange({ audienceType: k, enterpriseIds: [], stationIds: [] })} />

      {draft.audienceType === 'industry' ? (
        <View>
          <Text className='app-muted'>选择行业</Text>
          <ChoiceChips testId='audience-industry' options={INDUSTRIES.map((i) => ({ key: i.id as IndustryId, label: i.label }))} value={draft.industry} onChange={(k) => onChange({ industry: k })} />
        </View>
      ) : null}

      {scope === 'centre' && (draft.audienceType === 'industry' || draft.audienceType === 'enterprises') ? (
        <View>
          <Text className='app-muted'>{draft.audienceType === 'industry' ? '限定派出所（不选为全区）' : '先选择派出所，再勾选企业'}</Text>
          <ChoiceChips
            testId='audience-station'
            layout='scroll'
            options={[...(draft.audienceType === 'industry' ? [{ key: '', label: '全区' }] : []), ...stations.items.map((s) => ({ key: s.id, label: s.name }))]}
            value={draft.stationId}
            onChange={(k) => onChange({ stationId: k, enterpriseIds: [] })}
          />
        </View>
      ) : null}

      {draft.audienceType === 'stations' ? (
        <View className='compose__choices'>
          {stations.items.map((s) => (
            <Toggle key={s.id} testId='audience-station-choice' on={draft.stationIds.includes(s.id)} label={s.name} onTap={() => onChange({ stationIds: toggle(draft.stationIds, s.id) })} />
          ))}
          {stations.loading ? <StatusView compact variant='loading' message='正在加载派出所…' /> : null}
        </View>
      ) : null}

      {draft.audienceType === 'enterprises' ? (
        choosing ? (
          <View className='compose__choices' data-testid='audience-enterprises'>
            <Text className='app-muted'>{`已选 ${draft.enterpriseIds.length} 家`}</Text>
            {enterprises.items.map((e) => (
              <Toggle key={e.id} testId='audience-enterprise' on={draft.enterpriseIds.includes(e.id)} label={e.name} onTap={() => onChange({ enterpriseIds: toggle(draft.enterpriseIds, e.id) })} />
            ))}
            {enterprises.loading ? <StatusView compact variant='loading' message='正在加载企业…' /> : null}
            {!enterprises.loading && enterprises.items.length === 0 ? <StatusView compact variant='empty' message='没有可选择的企业' /> : null}
            <LoadMore hasMore={enterprises.hasMore} loading={enterprises.loadingMore} onLoadMore={enterprises.loadMore} />
          </View>
        ) : null
      ) : null}
    </View>
  );
}
