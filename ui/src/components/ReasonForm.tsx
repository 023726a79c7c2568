// A form whose whole point is a written reason (acknowledging an outside change, withdrawing a use
// case, declining to sign): what it is about, one required text, the backend's refusal, and a
// cancel beside the one confirming button — gated when a role or state decides who may.
import { Button, Group, Stack, Textarea } from "@mantine/core";
import type { FormEvent, ReactNode } from "react";
import type { Gate } from "../bindings/Gate";
import { FormRefusal } from "./FormRefusal";
import { GatedButton } from "./GatedButton";

const ALLOWED: Gate = { allowed: true, reason: null };

interface Props {
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** What the reason is about, above the field. */
  context?: ReactNode;
  field: {
    label: string;
    description: string;
    placeholder?: string;
    minRows?: number;
    testId: string;
    /** `form.getInputProps(…)` of the reason. */
    inputProps: object;
  };
  refusal: string | null;
  refusalTitle: string;
  onDismiss: () => void;
  cancel: { label: string; onClick: () => void };
  confirm: {
    label: string;
    testId: string;
    icon: ReactNode;
    color?: string;
    loading: boolean;
    gate?: Gate;
  };
  testId?: string;
}

export function ReasonForm({
  onSubmit,
  context,
  field,
  refusal,
  refusalTitle,
  onDismiss,
  cancel,
  confirm,
  testId,
}: Props) {
  // noValidate: the backend's refusal beside the field says what is missing, not a browser bubble.
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="sm" data-testid={testId}>
        {context}
        <Textarea
          label={field.label}
          description={field.description}
          placeholder={field.placeholder}
          required
          autosize
          minRows={field.minRows ?? 3}
          {...field.inputProps}
          data-testid={field.testId}
          data-autofocus
        />
        <FormRefusal refusal={refusal} title={refusalTitle} onClose={onDismiss} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel.onClick}>
            {cancel.label}
          </Button>
          <GatedButton
            gate={confirm.gate ?? ALLOWED}
            color={confirm.color}
            leftSection={confirm.icon}
            type="submit"
            loading={confirm.loading}
            data-testid={confirm.testId}
          >
            {confirm.label}
          </GatedButton>
        </Group>
      </Stack>
    </form>
  );
}
