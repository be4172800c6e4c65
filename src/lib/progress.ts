// Rate and time left of a running job, from its progress and start time.
export function progressFigures(done: number, total: number, startedAt: Date | null, now = Date.now()) {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  const seconds = startedAt ? Math.max(1, (now - startedAt.getTime()) / 1000) : null;
  const rate = seconds && done > 0 ? done / seconds : null;
  const left = rate && total > done ? Math.round((total - done) / rate) : null;
  return { percent, rate, secondsLeft: left };
}

export function formatDuration(totalSeconds: number) {
  const s = Math.max(0, Math.round(totalSeconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

export const formatCount = (n: number) => n.toLocaleString("en-US");
