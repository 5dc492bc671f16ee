import { bookingRoutes } from '../../shared/api/routes/bookings';
import { httpHandler } from '../lib/http';
import {
  actOnBooking,
  bookAppointment,
  closeBookingDay,
  closeBookingSlot,
  getBooking,
  getBookingSchedule,
  listBookingServices,
  listBookingSlots,
  listMyBookings,
  listStationBookings,
  setBookingSchedule,
  setBookingService,
} from '../services/booking-service';

import { logged } from '../services/access-log-service';
import { maskContact, maskPage } from '../../shared/domain/masking';

export const handler = httpHandler(bookingRoutes, {
  listBookingServices: ({ caller, params }) => listBookingServices(caller, params.stationId),
  setBookingService: ({ caller, params, body, now }) => setBookingService(caller, params.stationId, params.serviceId, body, now),
  getBookingSchedule: ({ caller, params }) => getBookingSchedule(caller, params.stationId),
  setBookingSchedule: ({ caller, params, body, now }) => setBookingSchedule(caller, params.stationId, body, now),
  listBookingSlots: ({ caller, params, query, now }) => listBookingSlots(caller, params.stationId, params.serviceId, query, now),
  createBooking: ({ caller, body, now }) => bookAppointment(caller, body, now),
  listMyBookings: async ({ caller, query }) => maskPage(await listMyBookings(caller, query), maskContact),
  getBooking: async ({ caller, params, now }) =>
    logged(caller, 'booking', bookingRoutes.getBooking, now, await getBooking(caller, params.bookingId, now), (v) => [{ enterpriseId: v.booking.enterpriseId, targetId: v.booking.id }]),
  actOnBooking: ({ caller, params, body, now }) => actOnBooking(caller, params.bookingId, body, now),
  listStationBookings: async ({ caller, params, query, now }) =>
    logged(caller, 'list', bookingRoutes.listStationBookings, now, await listStationBookings(caller, params.stationId, query), (p) => p.items.map((b) => ({ enterpriseId: b.enterpriseId, targetId: b.id }))).then((p) =>
      maskPage(p, maskContact),
    ),
  closeBookingSlot: ({ caller, params, body, now }) => closeBookingSlot(caller, params.stationId, body, now),
  closeBookingDay: ({ caller, params, body, now }) => closeBookingDay(caller, params.stationId, body, now),
});
