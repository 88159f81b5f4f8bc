import QRCode from 'qrcode';

/**
 * A QR code for `url` as an SVG string, made at build time with no network.
 * Black modules on white with the standard four-module quiet zone, so a phone
 * reads it from a black-and-white print; error correction "M" survives smudges.
 */
export async function qrCodeSvg(url: string): Promise<string> {
  return QRCode.toString(url, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
}
