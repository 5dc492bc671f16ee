import { fireEvent, render, screen } from '@testing-library/react';
import { StatusView } from '../../../miniapp/src/components/StatusView';

describe('StatusView', () => {
  it('shows the empty message, the hint and an action that works', () => {
    const onAction = jest.fn();
    render(<StatusView variant='empty' message='暂无负责的企业' hint='辖区企业注册后会自动分配给联络官。' actionText='刷新' onAction={onAction} />);

    expect(screen.getByText('暂无负责的企业')).toBeTruthy();
    expect(screen.getByText('辖区企业注册后会自动分配给联络官。')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '刷新' }));
    expect(onAction).toHaveBeenCalledTimes(1);
  });

  it('falls back to a default text per variant', () => {
    const { rerender } = render(<StatusView variant='empty' />);
    expect(screen.getByText('暂无内容')).toBeTruthy();
    rerender(<StatusView variant='loading' />);
    expect(screen.getByText('正在加载…')).toBeTruthy();
  });

  it('offers 重新加载 on an error when a retry is possible, and no button otherwise', () => {
    const onAction = jest.fn();
    const { rerender } = render(<StatusView variant='error' message='网络连接失败，请检查网络后重试' onAction={onAction} />);
    fireEvent.click(screen.getByRole('button', { name: '重新加载' }));
    expect(onAction).toHaveBeenCalled();

    rerender(<StatusView variant='error' message='未找到您所在的派出所' />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
