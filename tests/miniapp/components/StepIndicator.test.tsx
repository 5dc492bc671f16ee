import { render, screen } from '@testing-library/react';
import { StepIndicator } from '../../../miniapp/src/components/StepIndicator';
import { REPORT_STEPS } from '../../../miniapp/src/features/appeals/report-form';
import { BOOKING_STEPS } from '../../../miniapp/src/features/bookings/booking-steps';

describe('StepIndicator', () => {
  it('says where the user is, marks the current step and fills the ones done', () => {
    const { container } = render(<StepIndicator steps={BOOKING_STEPS} current={2} testId='bar' />);

    expect(screen.getByLabelText('第3步，共4步')).toBeTruthy();
    const steps = container.querySelectorAll('.step-indicator__step');
    expect(Array.from(steps).map((s) => s.getAttribute('aria-current'))).toEqual([null, null, 'step', null]);
    expect(container.querySelectorAll('.step-indicator__step--done')).toHaveLength(2);
    expect(screen.getByText('时段')).toBeTruthy();
  });

  it('serves the report form with a word under every step', () => {
    render(<StepIndicator steps={REPORT_STEPS} current={0} />);
    expect(screen.getByLabelText('第1步，共3步')).toBeTruthy();
    for (const word of ['经过', '类别', '紧急程度']) expect(screen.getByText(word)).toBeTruthy();
  });
});
