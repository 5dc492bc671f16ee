import jsQR from 'jsqr';
import { create } from 'qrcode';
import { bookingQrPayload, parseScannedBooking, qrDataUri } from '../../../../miniapp/src/features/bookings/booking-qr';

describe('booking QR code (预约码二维码)', () => {
  it('carries the booking id and its code, and a scan of it reads back both', () => {
    const payload = bookingQrPayload('bk-01JABC', '7K3M9P');
    expect(payload).toBe('ZQBK:bk-01JABC:7K3M9P');
    expect(parseScannedBooking(payload)).toEqual({ bookingId: 'bk-01JABC', code: '7K3M9P' });
  });

  it('accepts the 6-character code typed by hand, forgiving case and spaces, and refuses anything else', () => {
    expect(parseScannedBooking(' 7k3 m9p ')).toEqual({ bookingId: null, code: '7K3M9P' });
    expect(parseScannedBooking('https://example.com/x')).toBeNull();
    expect(parseScannedBooking('12345')).toBeNull();
  });

  it('decodes back to the payload (jsQR, the reader a phone camera stands for)', () => {
    const uri = qrDataUri('ZQBK:bk-01JABC:7K3M9P');
    const svg = Buffer.from(uri.slice('data:image/svg+xml;base64,'.length), 'base64').toString('ascii');
    const size = Number(/viewBox="0 0 (\d+)/.exec(svg)![1]);
    const scale = 4;
    const rgba = new Uint8ClampedArray(size * scale * size * scale * 4).fill(255);
    for (const [, x, y] of svg.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = ((Number(y) * scale + dy) * size * scale + Number(x) * scale + dx) * 4;
          rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
        }
    }
    expect(jsQR(rgba, size * scale, size * scale)?.data).toBe('ZQBK:bk-01JABC:7K3M9P');
  });

  it('draws the QR modules as one SVG path (a data URI an Image shows in weapp and H5)', () => {
    const uri = qrDataUri('ZQBK:bk-01JABC:7K3M9P');
    expect(uri.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const svg = Buffer.from(uri.slice('data:image/svg+xml;base64,'.length), 'base64').toString('ascii');
    const { modules } = create([{ mode: 'byte', data: Buffer.from('ZQBK:bk-01JABC:7K3M9P', 'ascii') }], { errorCorrectionLevel: 'M' });
    const dark = Array.from(modules.data).filter(Boolean).length;
    expect(svg.match(/h1v1h-1z/g)).toHaveLength(dark);
    expect(svg).toContain(`viewBox="0 0 ${modules.size + 8} ${modules.size + 8}"`);
  });
});
