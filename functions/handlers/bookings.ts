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

export const handler = httpHandler({
  listBookingServices: ({ caller, params }) => listBookingServices(caller, params.stationId),
  setBookingService: ({ caller, params, body, now }) => setBookingService(caller, params.stationId, params.serviceId, body, now),
  getBookingSchedule: ({ caller, params }) => getBookingSchedule(caller, params.stationId),
  setBookingSchedule: ({ caller, params, body, now }) => setBookingSchedule(caller, params.stationId, body, now),
  listBookingSlots: ({ caller, params, query, now }) => listBookingSlots(caller, params.stationId, params.serviceId, query, now),
  createBooking: ({ caller, body, now }) => bookAppointment(caller, body, now),
  listMyBookings: ({ caller, query }) => listMyBookings(caller, query),
  getBooking: ({ caller, params, now }) => getBooking(caller, params.bookingId, now),
  actOnBooking: ({ caller, params, body, now }) => actOnBooking(caller, params.bookingId, body, now),
  listStationBookings: ({ caller, params, query }) => listStationBookings(caller, params.stationId, query),
  closeBookingSlot: ({ caller, params, body, now }) => closeBookingSlot(caller, params.stationId, body, now),
  closeBookingDay: ({ caller, params, body, now }) => closeBookingDay(caller, params.stationId, body, now),
});
