// Asks for the new programme's name and currency, then for where to save the file, and opens
// it. The handler checks both; its refusal shows beside the field it names.
import { Button, Group, Modal, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { api, chooseDestination, PORTFOLIO_FILES } from "../../backend";
import { FormRefusal } from "../../components/FormRefusal";
import { useSaveForm } from "../../lib/forms";
import { fileName } from "../../lib/vocabulary";

const PATHS = { "programme.name": "name", "programme.currency": "currency" };

export function NewPortfolioModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useForm({ initialValues: { name: "", currency: "EUR" } });
  const saver = useSaveForm({
    form,
    save: async (values: { name: string; currency: string }) => {
      const path = await chooseDestination("Create a new portfolio", "portfolio.steerco", PORTFOLIO_FILES);
      return path === null ? null : api.portfolioCreate({ path, name: values.name, currency: values.currency });
    },
    changes: ["portfolio"],
    paths: PATHS,
    onSaved: (status) => {
      if (status === null) return;
      notifications.show({
        color: "blue",
        title: "New portfolio created",
        message: status.portfolio?.path ? fileName(status.portfolio.path) : "",
      });
      form.reset();
      onClose();
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title="New portfolio" centered>
      <form onSubmit={form.onSubmit(saver.submit)}>
        <Stack>
          <TextInput
            label="Programme name"
            placeholder="e.g. Halden Group — LoRA Programme"
            data-autofocus
            required
            {...form.getInputProps("name")}
          />
          <TextInput
            label="Currency"
            description="Every amount in this portfolio is in this currency (ISO 4217, e.g. EUR)"
            maxLength={3}
            w={260}
            required
            {...form.getInputProps("currency")}
          />
          <FormRefusal refusal={saver.refusal} title="The portfolio was not created" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saver.pending}>
              Choose location and create…
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
