import { fireEvent, render, screen, within } from '@testing-library/react';
import { VisitForm, type VisitFormProps } from '../../../../miniapp/src/features/fieldwork/VisitForm';

const TODAY = '2026-11-23';

function renderForm(over: Partial<VisitFormProps> = {}) {
  const onSubmit = jest.fn();
  const view = render(<VisitForm enterpriseId='en0001' enterpriseName='重庆测试商贸有限公司' today={TODAY} submitting={false} onSubmit={onSubmit} {...over} />);
  return { ...view, onSubmit };
}

const type = (placeholder: string, value: string, index = 0) => {
  const input = screen.getAllByPlaceholderText(placeholder)[index]!;
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};

describe('VisitForm (登记走访)', () => {
  it('defaults the visit day to today and marks the missing fields without sending', () => {
    const { onSubmit } = renderForm();
    expect(screen.getByTestId('visit-day').textContent).toBe('11月23日（今天）');
    fireEvent.click(screen.getByRole('button', { name: '提交走访记录' }));
    expect(screen.getByText('走访对象至少2个字')).toBeTruthy();
    expect(screen.getByText('交流内容至少5个字')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('turns a problem into a rectification item with a deadline counted from the visit day', () => {
    const { onSubmit } = renderForm();
    fireEvent.change(screen.getByLabelText('走访日期'), { target: { value: '2' } });
    expect(screen.getByTestId('visit-day').textContent).toBe('11月21日（2天前）');
    type('如：企业负责人张经理', '企业负责人王经理');
    type('了解的情况、宣传的内容、企业的意见（至少5个字）', '了解企业治安防范情况，宣传反诈知识。');
    fireEvent.click(screen.getByText('＋ 添加问题'));
    fireEvent.click(screen.getByText('＋ 添加问题'));
    type('问题描述，如：仓库消防通道堆放杂物', '仓库消防通道堆放杂物', 0);
    type('问题描述，如：仓库消防通道堆放杂物', '员工反映周边停车难', 1);
    const first = screen.getByTestId('visit-problem-0');
    // 「转整改」 is the default; 30 days instead of 15.
    expect(within(first).getByText('截止 12月6日')).toBeTruthy();
    fireEvent.click(within(first).getByText('30天'));
    const second = screen.getByTestId('visit-problem-1');
    fireEvent.click(within(second).getByText('仅记录'));
    expect(within(second).queryByText('整改期限')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: '提交走访记录' }));

    expect(onSubmit).toHaveBeenCalledWith({
      enterpriseId: 'en0001',
      day: '2026-11-21',
      metWith: '企业负责人王经理',
      content: '了解企业治安防范情况，宣传反诈知识。',
      problems: [
        { description: '仓库消防通道堆放杂物', followUp: 'rectification', deadline: '2026-12-21' },
        { description: '员工反映周边停车难', followUp: 'none' },
      ],
    });
  });

  it('files a problem as an appeal of the chosen type, with no deadline of its own (转诉求)', () => {
    const { onSubmit } = renderForm();
    type('如：企业负责人张经理', '企业负责人王经理');
    type('了解的情况、宣传的内容、企业的意见（至少5个字）', '了解企业治安防范情况，宣传反诈知识。');
    fireEvent.click(screen.getByText('＋ 添加问题'));
    type('问题描述，如：仓库消防通道堆放杂物', '与相邻工地因施工噪音发生纠纷', 0);
    const problem = screen.getByTestId('visit-problem-0');
    fireEvent.click(within(problem).getByText('「转诉求」'));
    expect(within(problem).queryByText('整改期限')).toBeNull();
    fireEvent.click(within(problem).getByText('矛盾纠纷'));

    fireEvent.click(screen.getByRole('button', { name: '提交走访记录' }));

    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ problems: [{ description: '与相邻工地因施工噪音发生纠纷', followUp: 'appeal', appealType: 'dispute' }] }));
  });

  it("shows a problem's own message under it, and can remove the problem", () => {
    const { onSubmit } = renderForm();
    type('如：企业负责人张经理', '企业负责人王经理');
    type('了解的情况、宣传的内容、企业的意见（至少5个字）', '了解企业治安防范情况。');
    fireEvent.click(screen.getByText('＋ 添加问题'));
    fireEvent.click(within(screen.getByTestId('visit-problem-0')).getByText('「转诉求」'));
    fireEvent.click(screen.getByRole('button', { name: '提交走访记录' }));
    expect(within(screen.getByTestId('visit-problem-0')).getByText('问题描述至少4个字')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.click(within(screen.getByTestId('visit-problem-0')).getByRole('button', { name: '删除' }));
    fireEvent.click(screen.getByRole('button', { name: '提交走访记录' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ problems: [] }));
  });

  it("shows the server's messages", () => {
    renderForm({ serverError: '企业不存在或您无权查看', serverErrors: { day: '走访日期不能晚于今天' } });
    expect(screen.getByText('企业不存在或您无权查看')).toBeTruthy();
    expect(screen.getByText('走访日期不能晚于今天')).toBeTruthy();
  });
});
