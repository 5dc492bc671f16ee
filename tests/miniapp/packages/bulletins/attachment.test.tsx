import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AttachmentPicker } from '../../../../miniapp/src/features/evidence/AttachmentPicker';
import ComposePage from '../../../../miniapp/src/packages/bulletins/pages/compose/index';
import DetailPage from '../../../../miniapp/src/packages/bulletins/pages/detail/index';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import type { AttachmentView } from '../../../../shared/evidence/schemas';
import { aMe, anOfficer, aSession, http } from '../../support/factories';
import { taroStub } from '../../support/taro-stub';
import { aBulletin, serve, T } from './support';

const mock = (name: keyof typeof Taro) => Taro[name] as unknown as jest.Mock;
const file = (over: Partial<AttachmentView> = {}): AttachmentView => ({
  id: 'att1',
  kind: 'image',
  contentType: 'image/jpeg',
  size: 204_800,
  fileName: '诈骗手法示意.jpg',
  status: 'available',
  statusLabel: '已通过',
  mine: false,
  url: 'http://s3/att1',
  urlExpiresAt: '2026-12-05T10:00:00.000Z',
  ...over,
});
const pdf = file({ id: 'att2', kind: 'document', contentType: 'application/pdf', size: 1_572_864, fileName: '防范指引.pdf', url: 'http://s3/att2' });

beforeEach(() => {
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession());
  taroStub.router.params = { id: 'b-1' };
});
afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

const page = (attachment: AttachmentView) =>
  serve({
    'GET /bulletins/b-1': () => ({ bulletin: aBulletin({ kind: 'legal', attachmentId: attachment.id }), readAt: T, canManage: false, attachment }),
    'POST /bulletins/b-1/read': () => ({ readAt: T, readCount: 0 }),
  });

describe('通知详情: its image or PDF', () => {
  it('shows an image in the page and opens it in the viewer', async () => {
    page(file());
    render(<DetailPage />);
    const shown = await screen.findByTestId('bulletin-image');
    fireEvent.click(within(shown).getByLabelText('诈骗手法示意.jpg'));
    await waitFor(() => expect(Taro.previewImage).toHaveBeenCalledWith({ urls: ['http://s3/att1'], current: 'http://s3/att1' }));
    expect(screen.queryByTestId('bulletin-document')).toBeNull();
  });

  it('weapp: a PDF is a row that downloads it and opens it in WeChat’s document viewer', async () => {
    process.env.TARO_ENV = 'weapp';
    page(pdf);
    render(<DetailPage />);
    const row = await screen.findByTestId('bulletin-document-open');
    expect(row.textContent).toContain('防范指引.pdf（PDF，1.5 MB）');
    expect(row.textContent).toContain('打开');
    fireEvent.click(row);
    await waitFor(() => expect(Taro.openDocument).toHaveBeenCalledWith({ filePath: 'wxfile://tmp/doc.pdf', showMenu: true }));
    expect(Taro.downloadFile).toHaveBeenCalledWith({ url: 'http://s3/att2' });
  });

  it('H5: a PDF is a link that opens it in a new tab', async () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => null);
    page(pdf);
    render(<DetailPage />);
    fireEvent.click(await screen.findByTestId('bulletin-document-open'));
    await waitFor(() => expect(open).toHaveBeenCalledWith('http://s3/att2', '_blank'));
    open.mockRestore();
  });
});

describe('AttachmentPicker for a bulletin', () => {
  function serveUploads() {
    const asked: Record<string, unknown>[] = [];
    mock('request').mockImplementation((o: { url: string; data?: unknown }) => {
      const data = (typeof o.data === 'string' ? JSON.parse(o.data) : o.data) as Record<string, unknown>;
      if (o.url.endsWith('/attachments/uploads')) {
        asked.push(data);
        return Promise.resolve(http(201, { attachmentId: 'att2', url: 'http://s3/bucket', fields: {}, maxBytes: 20971520, expiresAt: '2026-12-05T10:00:00.000Z' }));
      }
      return Promise.resolve(http(201, pdf));
    });
    return asked;
  }

  it('weapp: takes one PDF from a chat, then refuses a second file', async () => {
    process.env.TARO_ENV = 'weapp';
    const asked = serveUploads();
    mock('chooseMessageFile').mockResolvedValueOnce({ tempFiles: [{ path: 'wxfile://tmp/guide.pdf', name: '防范指引.pdf', size: 1_572_864, type: 'file' }] });
    const onChange = jest.fn();
    render(<AttachmentPicker purpose='bulletin' onChange={onChange} />);
    expect(screen.getByText('可附一张图片或一个 PDF 文件（图片不超过10 MB，PDF 不超过20 MB），随通知发给企业。')).toBeTruthy();
    fireEvent.click(screen.getByText('PDF 文件'));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(['att2'], false));
    expect(mock('chooseMessageFile')).toHaveBeenCalledWith({ count: 1, type: 'file', extension: ['pdf'] });
    expect(asked).toEqual([expect.objectContaining({ purpose: 'bulletin', contentType: 'application/pdf', fileName: '防范指引.pdf' })]);
    fireEvent.click(screen.getByText('相册'));
    expect(await screen.findByText('只能附1个文件，请先删除已选的文件')).toBeTruthy();
    expect(mock('chooseMedia')).not.toHaveBeenCalled();
  });
});

describe('发布信息 with an image', () => {
  it('uploads the image while the bulletin is written and publishes it with the attachment id', async () => {
    process.env.TARO_ENV = 'weapp';
    saveSession(aSession({ me: aMe({ role: 'chief', enterprise: null, memberRole: null, officer: anOfficer({ id: 'of080', stationId: 'st01' }) }) }));
    const calls = serve({
      'POST /attachments/uploads': () => http(201, { attachmentId: 'att1', url: 'http://s3/bucket', fields: {}, maxBytes: 10485760, expiresAt: '2026-12-05T10:00:00.000Z' }),
      'POST /attachments/att1/confirm': () => http(201, file()),
      'POST /bulletins': () => http(201, { bulletin: aBulletin({ attachmentId: 'att1' }), readAt: null, canManage: true, attachment: file() }),
    });
    mock('chooseMedia').mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'wxfile://tmp/p.jpg', size: 3000, fileType: 'image' }] });
    render(<ComposePage />);
    fireEvent.input(screen.getByTestId('compose-title'), { target: { value: '警惕冒充客服退款诈骗' } });
    fireEvent.input(screen.getByTestId('compose-body'), { target: { value: '近期冒充客服退款诈骗多发，请见附图。' } });
    fireEvent.click(within(screen.getByTestId('compose-attachment')).getByText('相册'));
    await waitFor(() => expect(within(screen.getByTestId('compose-attachment')).getByText('已通过')).toBeTruthy());
    expect(mock('chooseMedia').mock.calls[0][0]).toMatchObject({ count: 1, mediaType: ['image'] });
    fireEvent.click(screen.getByTestId('compose-submit'));
    await waitFor(() => expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/bulletins'))).toBe(true));
    const sent = calls.find((c) => c.method === 'POST' && c.url.endsWith('/bulletins'))!.data as Record<string, unknown>;
    expect(sent).toMatchObject({ title: '警惕冒充客服退款诈骗', attachmentId: 'att1', audience: { type: 'stations', stationIds: ['st01'] } });
  });
});
