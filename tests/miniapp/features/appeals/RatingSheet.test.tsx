import { fireEvent, render, screen } from '@testing-library/react';
import { RatingSheet } from '../../../../miniapp/src/features/appeals/RatingSheet';

function renderSheet() {
  const onSubmit = jest.fn();
  render(<RatingSheet version={7} submitting={false} onSubmit={onSubmit} onClose={jest.fn()} />);
  return { onSubmit };
}

const comment = (value: string) => fireEvent.change(screen.getByPlaceholderText(/请说明原因|选填/), { target: { value } });

describe('RatingSheet (评价)', () => {
  it('offers the five levels', () => {
    renderSheet();
    for (const label of ['非常满意', '满意', '基本满意', '不满意', '非常不满意']) expect(screen.getByText(label)).toBeTruthy();
  });

  it.each([
    ['不满意', 2],
    ['非常不满意', 1],
  ])('requires a reason for %s', (label, level) => {
    const { onSubmit } = renderSheet();
    fireEvent.click(screen.getByText(label));
    expect(screen.getByText('不满意的原因')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(screen.getByText('不满意评价请说明原因，至少5个字')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();

    comment('民警迟迟没有到场处理');
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(onSubmit).toHaveBeenCalledWith({ action: 'rate', version: 7, rating: level, comment: '民警迟迟没有到场处理' });
  });

  it('sends 满意 without a comment', () => {
    const { onSubmit } = renderSheet();
    fireEvent.click(screen.getByText('满意'));
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(onSubmit).toHaveBeenCalledWith({ action: 'rate', version: 7, rating: 4 });
  });

  it('asks for a level first', () => {
    const { onSubmit } = renderSheet();
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    expect(screen.getByText('请选择满意程度')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
