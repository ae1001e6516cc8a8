import { useEffect, useState } from 'react';

const MINUTE = 60_000;

/** The current time rounded down to the minute, ticking once a minute. */
export function useNowMinute(): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / MINUTE) * MINUTE);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Math.floor(Date.now() / MINUTE) * MINUTE), MINUTE);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
