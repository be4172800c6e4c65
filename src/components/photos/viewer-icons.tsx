// The viewer's toolbar icons (24 px grid, drawn in currentColor); decorative, so the button
// holding one carries the label.
import type { ReactNode } from "react";

function Icon({ children, filled }: { children: ReactNode; filled?: boolean }) {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      className="h-6 w-6"
      fill={filled ? "currentColor" : "none"}
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

export const CloseIcon = () => (
  <Icon>
    <path d="M6 6l12 12M18 6L6 18" />
  </Icon>
);

export const ChevronIcon = ({ left }: { left?: boolean }) => <Icon>{left ? <path d="M15 5l-7 7 7 7" /> : <path d="M9 5l7 7-7 7" />}</Icon>;

export const InfoIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 11v6M12 7.5v.01" />
  </Icon>
);

export const StarIcon = ({ filled }: { filled: boolean }) => (
  <Icon filled={filled}>
    <path d="M12 3.5l2.6 5.3 5.9.9-4.3 4.1 1 5.8-5.2-2.7-5.2 2.7 1-5.8-4.3-4.1 5.9-.9z" />
  </Icon>
);

export const SlideshowIcon = ({ playing }: { playing: boolean }) =>
  playing ? (
    <Icon>
      <path d="M9 5v14M15 5v14" />
    </Icon>
  ) : (
    <Icon filled>
      <path d="M8 5.5v13l10.5-6.5z" />
    </Icon>
  );

export const ZoomIcon = ({ out }: { out?: boolean }) => (
  <Icon>
    <circle cx="10.5" cy="10.5" r="6.5" />
    <path d={out ? "M20 20l-4.8-4.8M7.5 10.5h6" : "M20 20l-4.8-4.8M7.5 10.5h6M10.5 7.5v6"} />
  </Icon>
);
