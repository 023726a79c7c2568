// Asks for the new programme's name and currency, then for where to save the file.
import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { BackendError } from "../../backend";

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreate: (req: { name: string; currency: string }) => Promise<unknown>;
  busy: boolean;
}

export function NewPortfolioModal({ opened, onClose, onCreate, busy }: Props) {
  const [name, setName] = useState("");
  const [currency, setCurrency] = useState("EUR");
  const [errors, setErrors] = useState<{ name?: string; currency?: string }>({});

  const submit = async () => {
    const found: typeof errors = {};
    if (name.trim() === "") found.name = "Give the programme a name";
    if (!/^[A-Za-z]{3}$/.test(currency.trim())) found.currency = "Use a three-letter ISO 4217 code, e.g. EUR";
    setErrors(found);
    if (found.name || found.currency) return;
    try {
      const result = await onCreate({ name: name.trim(), currency: currency.trim().toUpperCase() });
      if (result !== null) onClose();
    } catch (error) {
      // The handler names the field it refused; show it there when we can.
      if (error instanceof BackendError && error.code === "invalid_input") {
        if (error.field === "programme.currency") setErrors({ currency: error.message });
        else if (error.field === "programme.name") setErrors({ name: error.message });
      }
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title="New portfolio" centered>
      <Stack>
        <TextInput
          label="Programme name"
          placeholder="e.g. Halden Group — LoRA Programme"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
          data-autofocus
          required
        />
        <TextInput
          label="Currency"
          description="Every amount in this portfolio is in this currency"
          value={currency}
          onChange={(e) => setCurrency(e.currentTarget.value)}
          error={errors.currency}
          maxLength={3}
          w={200}
          required
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={busy}>
            Choose location and create…
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
