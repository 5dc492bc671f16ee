import { fireEvent, render, screen } from '@testing-library/react';
import { DeleteAccountDialog } from '../../../../miniapp/src/features/privacy/DeleteAccountDialog';
import { CorrectEnterpriseForm } from '../../../../miniapp/src/features/privacy/CorrectEnterpriseForm';
import type { Enterprise } from '../../../../shared/schemas/enterprise';

const enterprise: Enterprise = {
  id: 'e1',
  name: '重庆测试商贸有限公司',
  creditCode: '91500103MA5U7ABCDE',
  industry: 'wholesale-retail',
  address: '重庆市渝中区解放碑民族路188号',
  stationId: 'st1',
  officerId: 'of1',
  contactName: '张经理',
  contactMobile: '13800000001',
  employeeCount: 25,
  createdAt: '2026-11-02T01:00:00.000Z',
  version: 3,
};

describe('DeleteAccountDialog (注销账号)', () => {
  it('says what is deleted, anonymised and kept before anything happens', () => {
    const onConfirm = jest.fn();
    render(<DeleteAccountDialog lastOwner={false} onConfirm={onConfirm} onCancel={jest.fn()} />);
    expect(screen.getByText('确认注销账号？')).toBeTruthy();
    expect(screen.getByTestId('delete-dialog-deleted').textContent).toContain('登录设备');
    expect(screen.getByTestId('delete-dialog-anonymised').textContent).toContain('办事人姓名和手机号');
    expect(screen.getByTestId('delete-dialog-kept').textContent).toContain('台账');
    fireEvent.click(screen.getByText('确认注销'));
    expect(onConfirm).toHaveBeenCalledWith(false);
  });

  it('the last owner confirms only by closing the enterprise with the account', () => {
    const onConfirm = jest.fn();
    render(<DeleteAccountDialog lastOwner enterpriseName='甲公司' onConfirm={onConfirm} onCancel={jest.fn()} />);
    fireEvent.click(screen.getByText('确认注销'));
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('delete-dialog-close'));
    fireEvent.click(screen.getByText('确认注销'));
    expect(onConfirm).toHaveBeenCalledWith(true);
  });
});

describe('CorrectEnterpriseForm (更正企业信息)', () => {
  it('shows the credit code read-only, keeps the name for the owner, and sends only what changed with the version', () => {
    const onSubmit = jest.fn();
    render(<CorrectEnterpriseForm enterprise={enterprise} isOwner={false} onSubmit={onSubmit} />);
    expect(screen.getByTestId('correct-credit-code').textContent).toBe(enterprise.creditCode);
    expect(screen.getByText('企业名称变更须由企业管理员办理')).toBeTruthy();
    fireEvent.click(screen.getByText('保存更正'));
    expect(screen.getByText('没有需要保存的修改')).toBeTruthy();
    fireEvent.input(screen.getByTestId('correct-contactMobile'), { target: { value: '13912345678' } });
    fireEvent.click(screen.getByText('保存更正'));
    expect(onSubmit).toHaveBeenCalledWith({ version: 3, contactMobile: '13912345678' });
  });
});
