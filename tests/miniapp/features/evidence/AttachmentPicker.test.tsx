import Taro from '@tarojs/taro';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { AttachmentPicker } from '../../../../miniapp/src/features/evidence/AttachmentPicker';
import { resetRequestState } from '../../../../miniapp/src/services/request';
import { resetSessionCache, saveSession } from '../../../../miniapp/src/services/session';
import { aSession, http } from '../../support/factories';
import { taroStub } from '../../support/taro-stub';

const mock = (name: keyof typeof Taro) => Taro[name] as unknown as jest.Mock;
const view = (id: string) => ({
  id,
  kind: 'image',
  contentType: 'image/jpeg',
  size: 2048,
  fileName: 'a.jpg',
  status: 'uploaded',
  statusLabel: '待审核',
  mine: true,
  url: 'http://s3/a',
  urlExpiresAt: '2026-12-05T10:00:00.000Z',
});

/** The API: upload forms numbered a1, a2 …, confirms answer 待审核, deletes succeed. */
function serveApi() {
  let n = 0;
  const calls: { method: string; url: string; data?: unknown }[] = [];
  mock('request').mockImplementation((o: { url: string; method: string; data?: unknown }) => {
    calls.push(o);
    if (o.url.endsWith('/attachments/uploads'))
      return Promise.resolve(http(201, { attachmentId: `a${++n}`, url: 'http://s3/bucket', fields: { key: `evidence/u/a${n}` }, maxBytes: 10485760, expiresAt: '2026-12-05T10:00:00.000Z' }));
    const id = /attachments\/(\w+)/.exec(o.url)?.[1] ?? '';
    if (o.method === 'DELETE') return Promise.resolve(http(200, { deleted: true }));
    return Promise.resolve(http(201, view(id)));
  });
  return calls;
}

const photos = (...sizes: number[]) => ({ tempFiles: sizes.map((size, i) => ({ tempFilePath: `wxfile://tmp/p${i}.jpg`, size, fileType: 'image' })) });

// The weapp path (chooseMedia, compressImage, wx.uploadFile); the suite runs as H5 otherwise.
beforeEach(() => {
  process.env.TARO_ENV = 'weapp';
  taroStub.reset();
  resetSessionCache();
  resetRequestState();
  saveSession(aSession());
});

afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

describe('AttachmentPicker (证据材料)', () => {
  it('compresses and uploads picked photos straight to S3, then confirms; the form gets the ids', async () => {
    const calls = serveApi();
    mock('chooseMedia').mockResolvedValue(photos(3000, 4000));
    const onChange = jest.fn();
    render(<AttachmentPicker purpose='appeal' onChange={onChange} />);

    fireEvent.click(screen.getByText('相册'));

    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(['a1', 'a2'], false));
    expect(mock('chooseMedia')).toHaveBeenCalledWith(expect.objectContaining({ sourceType: ['album'], maxDuration: 60, mediaType: ['image', 'video'] }));
    expect(mock('compressImage')).toHaveBeenCalledTimes(2);
    const upload = mock('uploadFile').mock.calls[0][0];
    expect(upload).toMatchObject({ url: 'http://s3/bucket', name: 'file', formData: { key: 'evidence/u/a1' }, filePath: 'wxfile://tmp/p0.jpg.min.jpg' });
    expect(calls.filter((c) => c.url.includes('/confirm'))).toHaveLength(2);
    expect(screen.getAllByText('待审核')).toHaveLength(2);
  });

  it('a 待审核 photo turns 未通过审核 on its tile when WeChat’s verdict has come in, so it can be removed before submitting', async () => {
    serveApi();
    const serve = mock('request').getMockImplementation()!;
    mock('request').mockImplementation((o: { url: string; method: string }) =>
      o.method === 'GET' && o.url.endsWith('/attachments/a1') ? Promise.resolve(http(200, { ...view('a1'), status: 'rejected', statusLabel: '未通过审核', url: null, urlExpiresAt: null })) : serve(o),
    );
    mock('chooseMedia').mockResolvedValue(photos(3000));
    render(<AttachmentPicker purpose='appeal' onChange={jest.fn()} />);
    fireEvent.click(screen.getByText('相册'));

    expect(await screen.findByText('待审核')).toBeTruthy();
    expect(await screen.findByText('未通过审核', undefined, { timeout: 5000 })).toBeTruthy();
    expect(document.querySelector('[data-testid="picked-file"]')?.getAttribute('data-status')).toBe('rejected');
  });

  it('refuses a video over 60 s or 50 MB before any upload, with a clear message', async () => {
    serveApi();
    mock('chooseMedia').mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://tmp/v.mp4', size: 60 * 1024 * 1024, duration: 30, fileType: 'video' }] });
    render(<AttachmentPicker purpose='appeal' onChange={jest.fn()} />);
    fireEvent.click(screen.getByText('拍摄'));
    expect(await screen.findByText('视频不能超过 50 MB')).toBeTruthy();
    expect(mock('uploadFile')).not.toHaveBeenCalled();
  });

  it('an upload S3 refuses shows why, and a tap retries it', async () => {
    serveApi();
    mock('chooseMedia').mockResolvedValue(photos(3000));
    mock('uploadFile').mockImplementationOnce((o: { success: (r: unknown) => void }) => {
      o.success({ statusCode: 400, data: '<Error><Code>EntityTooLarge</Code></Error>' });
      return { onProgressUpdate: jest.fn() };
    });
    const onChange = jest.fn();
    render(<AttachmentPicker purpose='appeal' onChange={onChange} />);
    fireEvent.click(screen.getByText('相册'));
    fireEvent.click(await screen.findByText('文件太大，请压缩或换一个文件，点此重试'));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith(['a2'], false));
  });

  it('deleting before submitting removes the upload on the server too', async () => {
    const calls = serveApi();
    mock('chooseMedia').mockResolvedValue(photos(3000));
    const onChange = jest.fn();
    render(<AttachmentPicker purpose='appeal' onChange={onChange} />);
    fireEvent.click(screen.getByText('相册'));
    fireEvent.click(await screen.findByLabelText('删除'));
    await waitFor(() => expect(onChange).toHaveBeenLastCalledWith([], false));
    expect(calls.some((c) => c.method === 'DELETE' && c.url.endsWith('/attachments/a1'))).toBe(true);
  });
});
