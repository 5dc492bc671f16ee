import { fireEvent, render, screen } from '@testing-library/react';
import { RegisterForm, type RegisterFormProps } from '../../../../miniapp/src/features/auth/RegisterForm';
import { aStation, validCreditCode } from '../../support/factories';

function renderForm(over: Partial<RegisterFormProps> = {}) {
  const onSubmit = jest.fn();
  const props: RegisterFormProps = {
    stations: [aStation(), aStation({ id: 'st-jiangnan', name: '江南派出所' })],
    stationsLoading: false,
    onReloadStations: jest.fn(),
    submitting: false,
    onSubmit,
    ...over,
  };
  const view = render(<RegisterForm {...props} />);
  return { ...view, onSubmit };
}

const type = (placeholder: string, value: string) => {
  const input = screen.getByPlaceholderText(placeholder);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
};

describe('RegisterForm (企业注册)', () => {
  it('explains a wrong check character of the credit code under the field', () => {
    renderForm();
    const code = validCreditCode();
    const wrongLast = code.endsWith('0') ? '1' : '0';

    type('18位，见营业执照', code.slice(0, 17) + wrongLast);

    expect(screen.getByText('统一社会信用代码校验位不正确，请逐位核对营业执照上的代码')).toBeTruthy();
  });

  it('shows nothing for a field the user has not reached yet', () => {
    renderForm();
    type('与营业执照一致', '杭州示例科技有限公司');
    expect(screen.queryByText('请填写统一社会信用代码')).toBeNull();
  });

  it('on submit marks every missing field with its own message and does not send', () => {
    const { onSubmit } = renderForm();

    fireEvent.click(screen.getByRole('button', { name: '提交注册' }));

    for (const message of ['请填写企业名称', '请填写统一社会信用代码', '请选择所属行业', '请填写企业地址', '请选择辖区派出所', '请填写联系人', '请填写手机号码']) {
      expect(screen.getByText(message)).toBeTruthy();
    }
    expect(screen.getByText('请按提示修改标红的内容')).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('sends the validated body, with the picked industry and station', () => {
    const { onSubmit } = renderForm();
    type('与营业执照一致', '杭州示例科技有限公司');
    type('18位，见营业执照', validCreditCode().toLowerCase());
    fireEvent.change(screen.getByLabelText('所属行业'), { target: { value: '5' } });
    type('经营场所详细地址', '城关路88号创业园3幢');
    fireEvent.change(screen.getByLabelText('辖区派出所'), { target: { value: '1' } });
    type('如 50', '120');
    type('联系人姓名', '王建国');
    type('联系人手机号码', '13800138000');

    expect(screen.getByText('信息传输、软件和信息技术服务业', { selector: 'div' })).toBeTruthy();
    expect(screen.getByText('江南派出所', { selector: 'div' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '提交注册' }));

    expect(onSubmit).toHaveBeenCalledWith({
      name: '杭州示例科技有限公司',
      creditCode: validCreditCode(),
      industry: 'software',
      address: '城关路88号创业园3幢',
      stationId: 'st-jiangnan',
      contactName: '王建国',
      contactMobile: '13800138000',
      employeeCount: 120,
    });
  });

  it("shows the server's message and its field issues", () => {
    renderForm({
      serverError: '该统一社会信用代码已注册，如需加入该企业请联系企业管理员邀请',
      serverErrors: { creditCode: '该统一社会信用代码已注册' },
    });
    expect(screen.getByText('该统一社会信用代码已注册，如需加入该企业请联系企业管理员邀请')).toBeTruthy();
    expect(screen.getByText('该统一社会信用代码已注册')).toBeTruthy();
  });

  it('rejects a non-numeric head count', () => {
    renderForm();
    type('如 50', '五十');
    expect(screen.getByText('员工人数应为数字')).toBeTruthy();
  });
});
