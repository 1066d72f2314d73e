import { useEffect } from 'react';
import { useT } from '../app/i18n';

/** Each screen names itself in the tab title: the first thing a screen reader announces. */
export function usePageTitle(title: string): void {
  const t = useT();
  useEffect(() => {
    document.title = `${title} · ${t('brand.name')}`;
  }, [title, t]);
}
