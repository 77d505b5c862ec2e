import { useEffect, useState } from 'react';
import { api, ApiError } from './api';
import { SipPhone, type PhoneState, type SoftphoneConfig } from './sipphone';

/** Whether this rep has a softphone, and if not, why (shown under the disabled Call button). */
export type Softphone =
  | { state: 'loading' }
  | { state: 'off'; reason: string }
  | { state: 'on'; phone: SipPhone; status: PhoneState; config: SoftphoneConfig };

const NOT_CONFIGURED = 'Softphone via Janus is not configured on this server. Calls reach Earpiece through your SIP trunk meanwhile.';

/** Fetches the rep's softphone settings and keeps a registered {@link SipPhone} for as long as the page is open. */
export function useSoftphone(enabled: boolean): Softphone {
  const [softphone, setSoftphone] = useState<Softphone>({ state: 'loading' });

  useEffect(() => {
    if (!enabled) return;
    let phone: SipPhone | null = null;
    let cancelled = false;
    api.get<SoftphoneConfig>('/api/softphone/config').then((config) => {
      if (cancelled) return;
      phone = new SipPhone(config, (status) => {
        if (!cancelled && phone) setSoftphone({ state: 'on', phone, status, config });
      });
      setSoftphone({ state: 'on', phone, status: phone.current, config });
      void phone.start();
    }, (e) => {
      if (cancelled) return;
      const reason = e instanceof ApiError && [404, 405, 501].includes(e.status) ? NOT_CONFIGURED
        : `Softphone unavailable: ${e instanceof Error ? e.message : e}`;
      setSoftphone({ state: 'off', reason });
    });
    const leave = () => void phone?.stop();
    window.addEventListener('pagehide', leave);
    return () => {
      cancelled = true;
      window.removeEventListener('pagehide', leave);
      void phone?.stop();
    };
  }, [enabled]);

  return softphone;
}
