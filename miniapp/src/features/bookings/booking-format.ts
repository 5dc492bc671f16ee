import { fieldErrors } from '../../components/form-state';
import { BOOKING_STATUS_LABELS, serviceById, type BookingStatus } from '../../../../shared/bookings/catalogue';
import { CreateBookingBody } from '../../../../shared/bookings/schemas';
import { shanghaiDate as sharedShanghaiDate } from '../../../../shared/dates';
import type { ServiceDefinition, Slot } from '../../../../shared/bookings/schemas';

/**
 * Shanghai wall-clock (UTC+8, no daylight saving) formatting for 预约办证, without dayjs timezone data in the
 * bundle, and the booking form's validation with the shared CreateBookingBody.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

const shanghai = (iso: string | number) => new Date((typeof iso === 'number' ? iso : Date.parse(iso)) + OFFSET_MS);

/** 'YYYY-MM-DD' of the Shanghai calendar day of an instant. */
export const shanghaiDate = (t: string | number = Date.now()) => sharedShanghaiDate(t);

/** 'HH:mm' in Shanghai. */
export const timeOf = (iso: string) => shanghai(iso).toISOString().slice(11, 16);

/** '3月10日 周一' for a 'YYYY-MM-DD'. */
export function dateLabel(ymd: string): string {
  const d = new Date(`${ymd}T00:00:00Z`);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS[d.getUTCDay()]}`;
}

/** '3月10日 周一 09:00–09:20'. */
export const slotText = (start: string, end: string) => `${dateLabel(shanghaiDate(start))} ${timeOf(start)}–${timeOf(end)}`;

/** '3月10日 14:05'. */
export function dateTimeText(iso: string): string {
  const d = shanghai(iso);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${d.toISOString().slice(11, 16)}`;
}

export const statusLabel = (status: BookingStatus) => BOOKING_STATUS_LABELS[status];
export const serviceName = (id: string) => serviceById(id)?.name ?? '证照业务';

export type StatusTone = 'primary' | 'success' | 'muted' | 'warning';
export function statusTone(status: BookingStatus): StatusTone {
  if (status === 'booked' || status === 'arrived') return 'primary';
  if (status === 'completed') return 'success';
  if (status === 'no_show') return 'warning';
  return 'muted';
}

/** Slots grouped by their Shanghai date, dates in order, only dates that have slots. */
export function slotsByDate(slots: readonly Slot[]): { date: string; slots: Slot[] }[] {
  const map = new Map<string, Slot[]>();
  for (const slot of slots) {
    const list = map.get(slot.date) ?? [];
    list.push(slot);
    map.set(slot.date, list);
  }
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, list]) => ({ date, slots: list.sort((x, y) => x.start.localeCompare(y.start)) }));
}

// ---------------------------------------------------------------------------------------------------------

export interface BookingFormValues {
  slotStart: string;
  contactName: string;
  contactMobile: string;
  /** As typed. */
  people: string;
  onSite: boolean;
  siteAddress: string;
  note: string;
}

export type BookingField = 'slotStart' | 'contactName' | 'contactMobile' | 'people' | 'onSite' | 'siteAddress' | 'note';
export type BookingErrors = Partial<Record<BookingField, string>>;
const FIELDS: readonly BookingField[] = ['slotStart', 'contactName', 'contactMobile', 'people', 'onSite', 'siteAddress', 'note'];

export type BookingValidation = { ok: true; body: CreateBookingBody; errors: BookingErrors } | { ok: false; errors: BookingErrors };

/** Validate with the server's own schema, plus the service's people limit (the form explains it). */
export function validateBooking(service: Pick<ServiceDefinition, 'id' | 'maxPeoplePerVisit' | 'onSiteAllowed' | 'onSiteMinPeople'>, values: BookingFormValues): BookingValidation {
  const serviceId = service.id;
  const people = values.people.trim() === '' ? undefined : Number(values.people);
  const candidate = {
    serviceId,
    slotStart: values.slotStart || undefined,
    contactName: values.contactName,
    contactMobile: values.contactMobile.trim(),
    people: people !== undefined && Number.isNaN(people) ? values.people : people,
    onSite: values.onSite,
    siteAddress: values.onSite ? values.siteAddress : undefined,
    note: values.note.trim() === '' ? undefined : values.note,
  };
  const result = CreateBookingBody.safeParse(candidate);
  const errors: BookingErrors = result.success ? {} : issuesToBookingErrors(result.error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message })));
  if (typeof people === 'number' && !errors.people) {
    if (!values.onSite && people > service.maxPeoplePerVisit) {
      errors.people = `到窗口办理每次最多${service.maxPeoplePerVisit}人，人数较多请分次预约${service.onSiteAllowed ? '或预约上门集中采集' : ''}`;
    } else if (values.onSite && service.onSiteMinPeople !== undefined && people < service.onSiteMinPeople) {
      errors.people = `上门集中采集需${service.onSiteMinPeople}人及以上，人数较少请到窗口办理`;
    }
  }
  if (result.success && Object.keys(errors).length === 0) return { ok: true, body: result.data, errors };
  return { ok: false, errors };
}

export const issuesToBookingErrors = (issues: { field: string; message: string }[]): BookingErrors => fieldErrors(issues, FIELDS);
