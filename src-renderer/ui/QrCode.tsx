import { Image, Skeleton } from '@mantine/core';
import { toString as qrSvg } from 'qrcode';
import { useEffect, useState } from 'react';

/**
 * A link as a QR code for phone and tablet cameras. An SVG data URL: crisp
 * at any size (a projector too) and allowed by the app's CSP (img-src data:).
 * Dark on light whatever the theme, as scanners expect.
 */
export function QrCode({
  url,
  alt,
  size,
  testId,
}: {
  url: string;
  alt: string;
  size: number;
  testId: string;
}) {
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
  return <Image src={src} w={size} h={size} radius="md" alt={alt} data-testid={testId} />;
}
