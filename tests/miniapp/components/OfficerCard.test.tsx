import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';
import { OfficerCard } from '../../../miniapp/src/components/OfficerCard';
import { taroStub } from '../support/taro-stub';
import { anOfficerCard } from '../support/factories';

beforeEach(() => taroStub.reset());

describe('OfficerCard', () => {
  it('shows the liaison officer: name, title and station', () => {
    render(<OfficerCard officer={anOfficerCard({ name: '李明', title: '社区民警', stationName: '江南派出所' })} />);

    expect(screen.getByText('我的联络官')).toBeTruthy();
    expect(screen.getByText('李明')).toBeTruthy();
    expect(screen.getByText('社区民警')).toBeTruthy();
    expect(screen.getByText('江南派出所')).toBeTruthy();
  });

  it('calls the officer, or the station, with one tap', () => {
    render(<OfficerCard officer={anOfficerCard({ mobile: '13900139000', stationPhone: '0571-87000110' })} />);

    fireEvent.click(screen.getByRole('button', { name: '拨打电话 13900139000' }));
    expect(Taro.makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '13900139000' });

    fireEvent.click(screen.getByRole('button', { name: '派出所值班电话 0571-87000110' }));
    expect(Taro.makePhoneCall).toHaveBeenLastCalledWith({ phoneNumber: '0571-87000110' });
  });
});
