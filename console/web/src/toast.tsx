import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';

type Notify = (message: string, kind?: 'ok' | 'error') => void;

const ToastContext = createContext<Notify>(() => {});

/** Short confirmations ("Tip copied") announced to screen readers and shown bottom centre. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toast, setToast] = useState<{ message: string; kind: 'ok' | 'error'; seq: number } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const notify = useCallback<Notify>((message, kind = 'ok') => {
    setToast((t) => ({ message, kind, seq: (t?.seq ?? 0) + 1 }));
  }, []);
  useEffect(() => {
    if (!toast) return;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setToast(null), 3200);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [toast]);
  return (
    <ToastContext.Provider value={notify}>
      {children}
      <div className="toast-region" role="status" aria-live="polite">
        {toast && (
          <div key={toast.seq} className={`toast toast-${toast.kind}`} data-testid="toast">
            {toast.message}
          </div>
        )}
      </div>
    </ToastContext.Provider>
  );
}

export function useNotify(): Notify {
  return useContext(ToastContext);
}
