// The programme's name, currency and payback horizon. Changing the horizon re-gates every use
// case at once; changing the currency relabels amounts without converting them.
import { Button, Group, Modal, NumberInput, Stack, TextInput } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { backend, BackendError } from "../../backend";

export function ProgrammeSettingsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const programme = useQuery({ queryKey: ["programme"], queryFn: backend.programme, enabled: opened });
  const [name, setName] = useState("");
  const [currency, setCurrency] = useState("");
  const [horizon, setHorizon] = useState<number | string>(6);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (opened && programme.data) {
      setName(programme.data.name);
      setCurrency(programme.data.currency);
      setHorizon(programme.data.settings.payback_horizon_months);
      setErrors({});
    }
  }, [opened, programme.data]);

  const save = useMutation({
    mutationFn: () =>
      backend.updateProgramme({
        name,
        currency,
        settings: { payback_horizon_months: Number(horizon) },
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries();
      notifications.show({ color: "teal", title: "Programme settings saved", message: name });
      onClose();
    },
    onError: (error) => {
      const field = error instanceof BackendError ? error.field : null;
      const message = error.message.replace(/^[a-z_.]+: /, "");
      if (field === "programme.name") setErrors({ name: message });
      else if (field === "programme.currency") setErrors({ currency: message });
      else if (field === "programme.settings.payback_horizon_months") setErrors({ horizon: message });
      else notifications.show({ color: "red", title: "Not saved", message: error.message });
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Programme settings" centered>
      <Stack>
        <TextInput
          label="Programme name"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <TextInput
          label="Currency"
          description="Amounts are relabelled, not converted"
          value={currency}
          maxLength={3}
          w={200}
          onChange={(e) => setCurrency(e.currentTarget.value)}
          error={errors.currency}
        />
        <NumberInput
          label="Payback horizon (months)"
          data-testid="horizon-input"
          description="A use case that cannot pay back within this goes to the research lane"
          min={1}
          max={120}
          allowDecimal={false}
          clampBehavior="none"
          value={horizon}
          onChange={setHorizon}
          error={errors.horizon}
          w={260}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={() => {
              // An emptied field cannot even be sent as a number; say so at the field.
              if (typeof horizon !== "number") setErrors({ horizon: "Enter a number of months from 1 to 120" });
              else save.mutate();
            }}
            loading={save.isPending}
            data-testid="save-programme"
          >
            Save
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
