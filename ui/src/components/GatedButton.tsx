// A button the backend may not allow (a role the person working lacks, a version not yet
// approved): it stays visible but disabled, with the backend's reason as its tooltip. The
// handler still checks and may refuse. As a form's submit button it also refuses Enter while blocked
// (a blocked click is cancelled, so the form is not submitted).
import { Button, type ButtonProps, Tooltip } from "@mantine/core";
import type { MouseEvent, ReactNode } from "react";
import type { Gate } from "../bindings/Gate";

type Props = ButtonProps & {
  gate: Gate;
  /** Optional for `type="submit"`, whose form's onSubmit does the work. */
  onClick?: (e: MouseEvent<HTMLButtonElement>) => void;
  type?: "button" | "submit";
  children: ReactNode;
  "data-testid"?: string;
};

export function GatedButton({ gate, onClick, children, disabled, ...rest }: Props) {
  // A `disabled` button swallows the pointer events a tooltip needs; data-disabled looks the same.
  const blocked = !gate.allowed;
  return (
    <Tooltip label={gate.reason} multiline maw={320} disabled={!blocked}>
      <Button
        {...rest}
        disabled={blocked ? undefined : disabled}
        data-disabled={blocked || undefined}
        aria-disabled={blocked || undefined}
        onClick={(e) => {
          if (blocked) {
            e.preventDefault();
            e.stopPropagation();
          } else {
            onClick?.(e);
          }
        }}
      >
        {children}
      </Button>
    </Tooltip>
  );
}
