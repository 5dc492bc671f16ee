import { fireEvent, render, screen, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { FileSections } from '../../../../miniapp/src/features/enterprise/FileSections';
import type { EnterpriseFile } from '../../../../shared/schemas/enterprise';

const plan = {
  enterpriseId: 'en1',
  text: '帮助企业完善内部安全管理制度。',
  targets: [{ title: '完成消防安全培训', due: '2026-12-31', done: false }],
  updatedAt: '2026-11-20T02:00:00.000Z',
  updatedBy: '张警官',
  version: 2,
};
const visit = (id: string, day: string, problems = 0) => ({
  id,
  enterpriseId: 'en1',
  enterpriseName: '测试企业',
  stationId: 'st01',
  officerId: 'of001',
  officerName: '张警官',
  day,
  metWith: '王经理',
  content: '了解情况',
  problems: Array.from({ length: problems }, () => ({ description: '问题', followUp: 'rectification' as const, deadline: '2026-12-01', rectificationId: 'r1' })),
  createdAt: `${day}T02:00:00.000Z`,
  version: 1,
});
const sections = {
  plan,
  visits: { items: [visit('v2', '2026-11-20', 1), visit('v1', '2026-10-02')], nextCursor: 'more' },
  appeals: {
    items: [
      {
        id: 'a1',
        title: '门口道路积水',
        type: 'help',
        category: 'other',
        urgency: 'normal',
        status: 'closed',
        enterpriseId: 'en1',
        enterpriseName: '测试企业',
        stationId: 'st01',
        officerId: 'of001',
        officerName: '张警官',
        createdAt: '2026-11-10T02:00:00.000Z',
        acceptDueAt: '',
        resolveDueAt: '',
        dueAt: '',
        escalated: false,
        rating: 1,
        rectification: 'required',
        attachmentCount: 3,
      },
      {
        id: 'a0',
        title: '咨询消防验收流程',
        type: 'help',
        category: 'other',
        urgency: 'normal',
        status: 'accepted',
        enterpriseId: 'en1',
        enterpriseName: '测试企业',
        stationId: 'st01',
        officerId: 'of001',
        officerName: '张警官',
        createdAt: '2026-11-02T02:00:00.000Z',
        acceptDueAt: '',
        resolveDueAt: '',
        dueAt: '',
        escalated: false,
        rectification: 'none',
      },
    ],
    nextCursor: null,
  },
  bookings: { items: [], nextCursor: null },
  rectifications: {
    items: [
      {
        id: 'r1',
        enterpriseId: 'en1',
        enterpriseName: '测试企业',
        stationId: 'st01',
        ownerOfficerId: 'of001',
        ownerName: '张警官',
        source: { kind: 'visit', visitId: 'v2', followUp: 'rectification' },
        description: '消防通道堆放杂物',
        deadline: '2026-11-21',
        status: 'pending',
        openedDay: '2026-11-20',
        openedAt: '2026-11-20T02:00:00.000Z',
        closedDay: null,
        closedAt: null,
        closingNote: null,
        history: [],
        version: 1,
        overdue: true,
      },
    ],
    nextCursor: null,
  },
} as unknown as EnterpriseFile['sections'];

describe('FileSections (一企一档)', () => {
  it('shows plan, visits, appeals with ratings, bookings and the ledger, in that order', () => {
    render(<FileSections enterpriseId='en1' enterpriseName='测试企业' sections={sections} police own={false} />);
    const ids = screen.getAllByTestId(/^file-/).map((n) => n.getAttribute('data-testid'));
    expect(ids).toEqual(['file-plan', 'file-visits', 'file-appeals', 'file-bookings', 'file-rectifications']);
    expect(screen.getByText('完成消防安全培训', { exact: false })).toBeTruthy();
    const visits = within(screen.getByTestId('file-visits'));
    expect(visits.getByText('发现问题1个')).toBeTruthy();
    expect(within(screen.getByTestId('file-appeals')).getByText('★☆☆☆☆')).toBeTruthy();
    // Each appeal's 证据材料 count from its summary; an appeal without files shows none.
    const appealRows = within(screen.getByTestId('file-appeals'));
    expect(appealRows.getByText('附件 3')).toBeTruthy();
    expect(appealRows.queryAllByText(/^附件/)).toHaveLength(1);
    expect(within(screen.getByTestId('file-rectifications')).getByText('待整改·已逾期')).toBeTruthy();
    expect(screen.getByText('暂无预约。')).toBeTruthy();
  });

  it("shows each visit's photos (工作影像资料) as thumbnails under it; tapping one opens the viewer", () => {
    const photo = (id: string) => ({
      id,
      kind: 'image' as const,
      contentType: 'image/jpeg',
      size: 2048,
      fileName: `${id}.jpg`,
      status: 'available' as const,
      statusLabel: '已通过',
      mine: false,
      url: `https://s3.local/${id}`,
      urlExpiresAt: '2026-11-20T02:05:00.000Z',
    });
    const withPhotos = { ...sections, visits: { items: [{ ...visit('v2', '2026-11-20', 1), attachmentIds: ['p1', 'p2'], attachments: [photo('p1'), photo('p2')] }, visit('v1', '2026-10-02')], nextCursor: null } };
    render(<FileSections enterpriseId='en1' enterpriseName='测试企业' sections={withPhotos} police own={false} />);
    const rows = screen.getAllByTestId('visit-row');
    expect(within(rows[0]!).getAllByTestId('attachment')).toHaveLength(2);
    expect(within(rows[1]!).queryByTestId('visit-photos')).toBeNull();
    fireEvent.click(within(rows[0]!).getAllByTestId('attachment')[1]!);
    expect(Taro.previewImage).toHaveBeenLastCalledWith({ urls: ['https://s3.local/p1', 'https://s3.local/p2'], current: 'https://s3.local/p2' });
  });

  it("shows a closed rectification item's 整改后 photos under it", () => {
    const after = {
      id: 'a1',
      kind: 'image' as const,
      contentType: 'image/jpeg',
      size: 2048,
      fileName: 'a1.jpg',
      status: 'available' as const,
      statusLabel: '已通过',
      mine: false,
      url: 'https://s3.local/a1',
      urlExpiresAt: '2026-11-20T02:05:00.000Z',
    };
    const closed = { ...sections.rectifications!.items[0]!, status: 'done' as const, overdue: false, afterPhotoIds: ['a1'], afterPhotos: [after] };
    render(<FileSections enterpriseId='en1' enterpriseName='测试企业' sections={{ ...sections, rectifications: { items: [closed], nextCursor: null } }} police own={false} />);
    const row = screen.getByTestId('rectification-row');
    expect(within(row).getAllByTestId('attachment')).toHaveLength(1);
    fireEvent.click(within(row).getByTestId('attachment'));
    expect(Taro.previewImage).toHaveBeenLastCalledWith({ urls: ['https://s3.local/a1'], current: 'https://s3.local/a1' });
  });

  it('offers 查看全部 where there is more, and 登记走访 to the police', () => {
    render(<FileSections enterpriseId='en1' enterpriseName='测试企业' sections={sections} police own={false} />);
    fireEvent.click(within(screen.getByTestId('file-visits')).getByText('查看全部'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/fieldwork/pages/visits/index?enterpriseId=en1' });
    fireEvent.click(screen.getByText('登记走访'));
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: `/packages/fieldwork/pages/visit/index?enterpriseId=en1&name=${encodeURIComponent('测试企业')}` });
  });

  it('shows the enterprise only its plan, appeals and bookings', () => {
    render(<FileSections enterpriseId='en1' enterpriseName='测试企业' sections={{ ...sections, visits: null, rectifications: null }} police={false} own />);
    expect(screen.queryByTestId('file-visits')).toBeNull();
    expect(screen.queryByTestId('file-rectifications')).toBeNull();
    expect(screen.queryByText('编辑')).toBeNull();
  });
});
