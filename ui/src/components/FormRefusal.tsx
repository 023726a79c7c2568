// A refusal that names no field on the form, shown above its buttons.
import { Alert } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";

export function FormRefusal({
  refusal,
  title,
  onClose,
}: {
  refusal: string | null;
  title: string;
  onClose?: () => void;
}) {
  if (refusal === null) return null;
  return (
    <Alert
      color="red"
      title={title}
      icon={<IconAlertTriangle size={18} />}
      withCloseButton={onClose !== undefined}
      onClose={onClose}
      data-testid="form-refusal"
    >
      {refusal}
    </Alert>
  );
}
