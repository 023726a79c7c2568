// The lines under the header that say why the app is not behaving as usual: the portfolio is
// open read-only (and why), or a save is waiting for another Steerco that holds the file.
import { Affix, Alert } from "@mantine/core";
import { IconHourglass, IconLock } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { onBusy } from "../backend";
import { fileName } from "../lib/vocabulary";

/** Shown while a write waits for another Steerco process; gone once it goes through. */
export function BusyBanner() {
  const [waitingFor, setWaitingFor] = useState<string | null>(null);
  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    void onBusy((event) => setWaitingFor(event.waiting ? (event.path ?? "the portfolio") : null)).then((unlisten) => {
      if (cancelled) unlisten();
      else stop = unlisten;
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);
  if (waitingFor === null) return null;
  // Above drawers and modals: the wait usually starts from a form's Save button.
  return (
    <Affix position={{ top: 68, right: 24 }} zIndex={1000}>
      <Alert color="blue" variant="filled" icon={<IconHourglass size={18} />} maw={420} data-testid="busy-banner">
        Waiting for another Steerco to finish with {fileName(waitingFor)}… Your change is saved as soon as it does.
      </Alert>
    </Affix>
  );
}

export function ReadOnlyBanner({ reason }: { reason: string | null }) {
  if (reason === null) return null;
  return (
    <Alert color="yellow" icon={<IconLock size={18} />} mb="md" data-testid="read-only-banner">
      Open read-only: {reason}. You can look at everything; changes cannot be saved.
    </Alert>
  );
}
