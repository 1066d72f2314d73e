import { useT } from '../../app/i18n';
import { QrCode } from '../../ui/QrCode';

/** The hub's address as a QR code students scan with a phone or tablet. */
export function HubQrCode({ url, size = 180 }: { url: string; size?: number }) {
  const t = useT();
  return <QrCode url={url} size={size} alt={t('desktop.qr.alt', { url })} testId="hub-qr" />;
}
