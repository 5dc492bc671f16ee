import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import RectificationPage from '../../../../miniapp/src/packages/fieldwork/pages/rectification/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import type { AttachmentView } from '../../../../shared/evidence/schemas';
import type { RectificationView } from '../../../../shared/fieldwork/schemas';
import { aMe, anOfficer, aSession, http } from '../../support/factories';
import { taroStub } from '../../support/taro-stub';

const mock = (name: keyof typeof Taro) => Taro[name] as unknown as jest.Mock;
const photo = (id: string): AttachmentView => ({
  id,
  kind: 'image',
  contentType: 'image/jpeg',
  size: 2048,
  fileName: `${id}.jpg`,
  status: 'available',
  statusLabel: '已通过',
  mine: true,
  url: `http://s3/${id}`,
  urlExpiresAt: '2026-12-05T10:00:00.000Z',
});
const anItem = (over: Partial<RectificationView> = {}): RectificationView => ({
  id: 'r1',
  enterpriseId: 'en0001',
  enterpriseName: '重庆测试商贸有限公司',
  stationId: 'st01',
  ownerOfficerId: 'of001',
  ownerName: '张警官',
  source: { kind: 'visit', visitId: 'v1', followUp: 'rectification' },
  description: '仓库消防通道堆放杂物',
  deadline: '2026-11-20',
  status: 'in_progress',
  openedDay: '2026-11-10',
  openedAt: '2026-11-10T02:00:00.000Z',
  closedDay: null,
  closedAt: null,
  closingNote: null,
  history: [{ at: '2026-11-10T02:00:00.000Z', by: 'of001', byName: '张警官', action: 'open', note: null }],
  version: 2,
  overdue: false,
  ...over,
});

/** The API: upload forms p1, p2 … (each naming the item), confirms, the item and its actions. */
function serve(item: RectificationView) {
  let n = 0;
  const asked: Record<string, unknown>[] = [];
  const acts: Record<string, unknown>[] = [];
  let current = item;
  mock('request').mockImplementation((o: { url: string; method: string; data?: unknown }) => {
    const data = (typeof o.data === 'string' ? JSON.parse(o.data) : o.data) as Record<string, unknown>;
    if (o.url.endsWith('/attachments/uploads')) {
      asked.push(data);
      return Promise.resolve(http(201, { attachmentId: `p${++n}`, url: 'http://s3/bucket', fields: { key: `evidence/u/p${n}` }, maxBytes: 10485760, expiresAt: '2026-12-05T10:00:00.000Z' }));
    }
    const confirmed = /attachments\/(\w+)\/confirm/.exec(o.url)?.[1];
    if (confirmed) return Promise.resolve(http(201, photo(confirmed)));
    if (o.url.endsWith('/actions')) {
      acts.push(data);
      const ids = (k: string) => (data[k] as string[] | undefined) ?? [];
      current = { ...current, status: 'done', closingNote: data.note as string, version: current.version + 1, beforePhotos: ids('beforePhotoIds').map(photo), afterPhotos: ids('afterPhotoIds').map(photo) };
      return Promise.resolve(http(200, current));
    }
    return Promise.resolve(http(200, current));
  });
  return { asked, acts };
}

const shots = (count: number) => ({ tempFiles: Array.from({ length: count }, (_, i) => ({ tempFilePath: `wxfile://tmp/s${i}.jpg`, size: 3000, fileType: 'image' })) });

beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  taroStub.router.params = { id: 'r1' };
  saveSession(aSession({ me: aMe({ role: 'officer', enterprise: null, memberRole: null, officer: anOfficer({ id: 'of001' }) }) }));
});
afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

describe('整改事项: 整改前/整改后 photos', () => {
  it('uploads photos on each side for the item, images only, and sends them with 整改完成', async () => {
    const { asked, acts } = serve(anItem());
    render(<RectificationPage />);
    await screen.findByText('仓库消防通道堆放杂物');
    expect(screen.getByText('整改前照片')).toBeTruthy();
    expect(screen.getByText('整改后照片')).toBeTruthy();
    expect(screen.getAllByText('仅限图片，最多9张，单张不超过10 MB；仅民警可见。')).toHaveLength(2);

    mock('chooseMedia').mockResolvedValueOnce(shots(1));
    fireEvent.click(within(screen.getByTestId('rectification-before-picker')).getByText('相册'));
    await waitFor(() => expect(within(screen.getByTestId('rectification-before-picker')).getByText('已通过')).toBeTruthy());
    mock('chooseMedia').mockResolvedValueOnce(shots(2));
    fireEvent.click(within(screen.getByTestId('rectification-after-picker')).getByText('拍摄'));
    await waitFor(() => expect(within(screen.getByTestId('rectification-after-picker')).getAllByText('已通过')).toHaveLength(2));
    // Photos only: the picker asks WeChat for images, never video.
    expect(mock('chooseMedia').mock.calls[0][0]).toMatchObject({ mediaType: ['image'] });
    expect(asked.every((b) => b.purpose === 'rectification' && b.rectificationId === 'r1')).toBe(true);

    fireEvent.change(within(screen.getByTestId('rectification-note')).getByRole('textbox'), { target: { value: '已清理通道并复查' } });
    fireEvent.click(screen.getByRole('button', { name: '整改完成' }));
    await waitFor(() => expect(acts).toEqual([{ action: 'complete', version: 2, note: '已清理通道并复查', beforePhotoIds: ['p1'], afterPhotoIds: ['p2', 'p3'] }]));
    // The closed item shows both sides.
    const shown = await screen.findByTestId('rectification-photos');
    expect(within(shown).getByText('整改前')).toBeTruthy();
    expect(within(shown).getByText('整改后')).toBeTruthy();
    expect(within(screen.getByTestId('rectification-after')).getAllByTestId('attachment')).toHaveLength(2);
  });

  it('waits for a running upload before closing', async () => {
    const { acts } = serve(anItem());
    mock('uploadFile').mockImplementation(() => ({ onProgressUpdate: jest.fn(), abort: jest.fn() }));
    render(<RectificationPage />);
    await screen.findByText('仓库消防通道堆放杂物');
    mock('chooseMedia').mockResolvedValueOnce(shots(1));
    fireEvent.click(within(screen.getByTestId('rectification-after-picker')).getByText('相册'));
    await screen.findByText(/上传中/);
    fireEvent.change(within(screen.getByTestId('rectification-note')).getByRole('textbox'), { target: { value: '已清理通道并复查' } });
    fireEvent.click(screen.getByRole('button', { name: '整改完成' }));
    expect(await screen.findByText('请等待照片上传完成后再提交')).toBeTruthy();
    expect(acts).toEqual([]);
  });

  it('offers no picker on a closed item, and shows its photos to open in the viewer', async () => {
    serve(anItem({ status: 'done', closingNote: '已清理', beforePhotos: [photo('b1')], afterPhotos: [photo('a1')] }));
    render(<RectificationPage />);
    await screen.findByTestId('rectification-photos');
    expect(screen.queryByTestId('rectification-photo-picker')).toBeNull();
    fireEvent.click(within(screen.getByTestId('rectification-after')).getByTestId('attachment'));
    await waitFor(() => expect(Taro.previewImage).toHaveBeenCalledWith({ urls: ['http://s3/a1'], current: 'http://s3/a1' }));
  });
});
