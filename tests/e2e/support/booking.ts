/** 预约办证's four steps, driven as a user does: tap a choice, then 下一步. */
import type { Page } from 'playwright-core';
import { shown, text } from './browser';

const FREE = '.slot-picker__slot:not(.slot-picker__slot--disabled)';

/** The step the booking page shows (service / day / time / confirm). */
export const bookingStep = (page: Page) => shown(page, '[data-testid="booking-steps"]').getAttribute('data-step');

export async function nextStep(page: Page, expected: string) {
  await shown(page, '[data-testid="booking-next"]').click();
  await shown(page, `[data-testid="booking-steps"][data-step="${expected}"]`).waitFor();
}

/** ① the service (its materials shown) → ② the first day with seats → ③ its first free slot → ④ confirm. */
export async function bookToConfirm(page: Page, serviceName: string) {
  await shown(page, '[data-testid="booking-steps"][data-step="service"]').waitFor();
  await text(page, serviceName).click();
  await text(page, '办理材料（请携带）').waitFor();
  await nextStep(page, 'day');
  await shown(page, FREE).click();
  await nextStep(page, 'time');
  await shown(page, FREE).click();
  await nextStep(page, 'confirm');
}
