import { defaultServiceSettings, serviceById } from '../../../shared/bookings/catalogue';
import { DEFAULT_STATION_SCHEDULE, type Booking, type ServiceDefinition, type StationSchedule } from '../../../shared/bookings/schemas';
import type { SlotQuery } from '../../../shared/bookings/slots';

/** Shanghai wall time 'YYYY-MM-DD HH:mm' → UTC ISO, to keep the cases readable. */
export const sh = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`).toISOString();
/** UTC ISO → Shanghai 'HH:mm', the way the counter reads a slot. */
export const hhmm = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(11, 16);

export const STATION = 'st-1';

export function service(id: string): ServiceDefinition {
  const s = serviceById(id);
  if (!s) throw new Error(`no service ${id}`);
  return s;
}

/** 居住登记 (20-minute slots, 3 seats) at a station on the default schedule, unless overridden. */
export function query(overrides: Omit<Partial<SlotQuery>, 'schedule'> & { schedule?: Partial<StationSchedule> } = {}): SlotQuery {
  const svc = overrides.service ?? service('residence');
  return {
    stationId: STATION,
    settings: defaultServiceSettings(svc),
    blocked: [],
    now: sh('2026-09-11 18:00'), // Friday evening
    ...overrides,
    service: svc,
    schedule: { ...DEFAULT_STATION_SCHEDULE, ...overrides.schedule },
  };
}

/** A booked 居住登记 appointment on Wednesday 2026-09-16 10:00–10:20 Shanghai time. */
export function booking(overrides: Partial<Booking> = {}): Booking {
  return {
    id: 'bk-1',
    code: 'K7M2QX',
    enterpriseId: 'ent-1',
    stationId: STATION,
    serviceId: 'residence',
    createdBy: 'user-1',
    slotStart: sh('2026-09-16 10:00'),
    slotEnd: sh('2026-09-16 10:20'),
    status: 'booked',
    contactName: '王芳',
    contactMobile: '13800138000',
    people: 3,
    onSite: false,
    greenChannel: false,
    rescheduleCount: 0,
    createdAt: sh('2026-09-11 18:00'),
    updatedAt: sh('2026-09-11 18:00'),
    version: 1,
    ...overrides,
  };
}
