import { useT } from '../../../app/i18n';
import { QrCode } from '../../../ui/QrCode';

/** The check-in link as a QR code for phone cameras, shown on the teacher's screen. */
export function CheckInQrCode({ url, size = 200 }: { url: string; size?: number }) {
  const t = useT();
  return (
    <QrCode url={url} size={size} alt={t('classTools.attendance.qrAlt')} testId="check-in-qr" />
  );
}
