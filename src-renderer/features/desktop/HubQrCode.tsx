import { Image, Skeleton } from '@mantine/core';
import { toString as qrSvg } from 'qrcode';
import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n';

/**
 * The hub's address as a QR code students scan with a phone or tablet. An
 * SVG data URL: crisp at any size, and allowed by the app's CSP (img-src data:).
 * Dark on light whatever the theme, as scanners expect.
 */
export function HubQrCode({ url, size = 180 }: { url: string; size?: number }) {
  const t = useT();
  const [src, setSrc] = useState<string>();
  useEffect(() => {
    let live = true;
    qrSvg(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then(
      (svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => live && setSrc(undefined),
    );
    return () => {
      live = false;
    };
  }, [url]);
  if (!src) return <Skeleton w={size} h={size} radius="md" />;
  return (
    <Image
      src={src}
      w={size}
      h={size}
      radius="md"
      alt={t('desktop.qr.alt', { url })}
      data-testid="hub-qr"
    />
  );
}
