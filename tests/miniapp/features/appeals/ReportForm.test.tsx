import { fireEvent, render, screen, within } from '@testing-library/react';
import { ReportForm, type ReportFormProps } from '../../../../miniapp/src/features/appeals/ReportForm';

function renderForm(over: Partial<ReportFormProps> = {}) {
  const onSubmit = jest.fn();
  const view = render(<ReportForm initialType='dispute' submitting={false} onSubmit={onSubmit} {...over} />);
  return { ...view, onSubmit };
}

const type = (placeholder: string, value: string) => {
  const input = screen.getByPlaceholderText(placeholder);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};

const next = () => fireEvent.click(screen.getByRole('button', { name: '下一步' }));

/** Step 1 filled: 你遇到了什么事？ */
const describeIt = (title = '工地大门被堵', description = '今天上午十余名外来人员堵住工地大门，施工车辆无法进出。') => {
  type('如：工地大门被堵无法施工', title);
  type('请详细描述（至少10个字）', description);
};

describe('ReportForm (诉求上报, one question at a time)', () => {
  it('asks 你遇到了什么事？ first and does not go on while the text is missing', () => {
    const { onSubmit } = renderForm();
    expect(screen.getByTestId('report-question').textContent).toBe('你遇到了什么事？');

    next();

    expect(screen.getByText('标题至少4个字')).toBeTruthy();
    expect(screen.getByText('诉求描述至少10个字')).toBeTruthy();
    expect(screen.getByTestId('report-question').textContent).toBe('你遇到了什么事？');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('then asks which kind, with the categories of the type chosen on the tile, and holds on a missing category and grade', () => {
    renderForm();
    describeIt();
    next();
    expect(screen.getByTestId('report-question').textContent).toBe('属于哪一类？');
    next();
    expect(screen.getByText('请选择诉求分类')).toBeTruthy();
    expect(screen.getByText('矛盾纠纷请选择纠纷等级')).toBeTruthy();
  });

  it('preselects the type from the tile and offers that type’s categories', () => {
    renderForm({ initialType: 'policy' });
    describeIt();
    next();
    expect(screen.getByText('政策咨询').closest('[aria-checked]')?.getAttribute('aria-checked')).toBe('true');
    const options = within(screen.getByLabelText('诉求分类'))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toContain('出入境/签证');
    expect(options).not.toContain('阻工/封门堵路');
    // Only disputes have a grade.
    expect(screen.queryByText('纠纷等级')).toBeNull();
  });

  it('counts the characters of the description', () => {
    renderForm();
    fireEvent.change(screen.getByPlaceholderText('请详细描述（至少10个字）'), { target: { value: '工地门口有人聚集' } });
    expect(screen.getByText('8/1000')).toBeTruthy();
  });

  it('explains every dispute grade in words before one is chosen', () => {
    renderForm();
    describeIt();
    next();
    const grades = screen.getByTestId('report-grade');
    expect(grades.textContent).toContain('一般纠纷，由辖区联络官直接处置。');
    expect(grades.textContent).toContain('影响较大或涉及多方，由派出所组织处置。');
    expect(grades.textContent).toContain('重大、群体性或跨辖区纠纷，由助企警务中心处置。');
  });

  it('shows the resulting deadline before submitting (紧急：24小时内办结) and sends the validated body', () => {
    const { onSubmit } = renderForm();
    describeIt();
    type('如：民族路88号工地', '民族路88号');
    next();
    fireEvent.change(screen.getByLabelText('诉求分类'), { target: { value: '0' } });
    fireEvent.click(screen.getByText('二级'));
    next();
    expect(screen.getByTestId('report-question').textContent).toBe('有多急？');
    expect(screen.getByTestId('report-deadline').textContent).toBe('一般：5个工作日内办结');
    fireEvent.click(screen.getByText('紧急'));
    expect(screen.getByTestId('report-deadline').textContent).toBe('紧急：24小时内办结');

    fireEvent.click(screen.getByRole('button', { name: '提交' }));

    expect(onSubmit).toHaveBeenCalledWith({
      type: 'dispute',
      category: 'obstruction',
      urgency: 'urgent',
      grade: 2,
      title: '工地大门被堵',
      description: '今天上午十余名外来人员堵住工地大门，施工车辆无法进出。',
      place: '民族路88号',
    });
  });

  it('goes back a step without losing what was typed', () => {
    renderForm();
    describeIt('工地大门被堵');
    next();
    fireEvent.click(screen.getByRole('button', { name: '上一步' }));
    expect((screen.getByPlaceholderText('如：工地大门被堵无法施工') as HTMLInputElement).value).toBe('工地大门被堵');
  });

  it('offers 投诉民警 and, for a complaint, 匿名; sends both', () => {
    const { onSubmit } = renderForm({ initialType: 'help' });
    describeIt('民警办事推诿', '户籍窗口民警多次推诿，要求反复提交同样的材料。');
    next();
    expect(screen.queryByLabelText('匿名')).toBeNull();
    fireEvent.click(screen.getByLabelText('投诉民警'));
    expect(screen.getByText('投诉直达派出所所长（投诉所长时直达助企警务中心），被投诉的民警看不到这条诉求。')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('匿名'));
    fireEvent.change(screen.getByLabelText('诉求分类'), { target: { value: '0' } });
    next();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ type: 'help', aboutPolice: true, anonymous: true }));
  });

  it('treats the 民警作风 category as a complaint and offers 匿名 at once', () => {
    renderForm({ initialType: 'suggestion' });
    describeIt();
    next();
    const conduct = within(screen.getByLabelText('诉求分类'))
      .getAllByRole('option')
      .findIndex((o) => o.textContent === '民警作风');
    fireEvent.change(screen.getByLabelText('诉求分类'), { target: { value: String(conduct) } });
    expect((screen.getByLabelText('投诉民警') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByLabelText('匿名')).toBeTruthy();
  });

  it("shows the server's field issues under the fields, on the step that holds them", () => {
    renderForm({ serverError: '提交的内容有误，请检查后重试', serverErrors: { title: '标题最多50个字' } });
    expect(screen.getByText('标题最多50个字')).toBeTruthy();
    expect(screen.getByTestId('report-question').textContent).toBe('你遇到了什么事？');
  });
});
