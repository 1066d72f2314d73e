import { Image, Skeleton } from '@mantine/core';
import { toString as qrSvg } from 'qrcode';
import { useEffect, useState } from 'react';
import { useT } from '../../../app/i18n';

/**
 * The check-in link as a QR code for phone cameras: an SVG data URL (crisp
 * on a projector, allowed by the app's CSP), dark on light in either theme.
 */
export function CheckInQrCode({ url, size = 200 }: { url: string; size?: number }) {
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
      alt={t('classTools.attendance.qrAlt')}
      data-testid="check-in-qr"
    />
  );
}
