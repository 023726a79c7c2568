// The programme's name, currency, payback horizon, how many automatic backups to keep and how often
// research-lane cases come back to the steering agenda. Changing the horizon re-gates every use
// case at once; changing the currency relabels amounts without converting them. Only the settings changed are sent, with what the dialog showed, so
// a change someone else made meanwhile is not overwritten unseen.
import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "../../backend";
import type { Programme } from "../../bindings/Programme";
import type { ProgrammeUpdate } from "../../bindings/ProgrammeUpdate";
import { FormRefusal } from "../../components/FormRefusal";
import { changedFields, rebaseForm, useSaveForm } from "../../lib/forms";
import { keys, useReload } from "../../lib/queryKeys";

interface Values {
  name: string;
  currency: string;
  payback_horizon_months: number | string;
  backups_kept: number | string;
  research_review_months: number | string;
}

const PATHS = {
  "programme.name": "name",
  "programme.currency": "currency",
  "programme.settings.payback_horizon_months": "payback_horizon_months",
  "programme.settings.backups_kept": "backups_kept",
  "programme.settings.research_review_months": "research_review_months",
};

function valuesOf(p: Programme): Values {
  return {
    name: p.name,
    currency: p.currency,
    payback_horizon_months: p.settings.payback_horizon_months,
    backups_kept: p.settings.backups_kept,
    research_review_months: p.settings.research_review_months,
  };
}

function updateOf(v: Values): ProgrammeUpdate {
  return {
    name: v.name,
    currency: v.currency,
    settings: {
      payback_horizon_months: Number(v.payback_horizon_months),
      backups_kept: Number(v.backups_kept),
      research_review_months: Number(v.research_review_months),
    },
  };
}

const wholeNumber = (label: string) => (v: number | string) =>
  typeof v === "number" && Number.isInteger(v) ? null : `Enter ${label} as a whole number`;

export function ProgrammeSettingsModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const reload = useReload();
  const programme = useQuery({ queryKey: keys.programme, queryFn: api.programmeGet, enabled: opened });
  const [loaded, setLoaded] = useState<Values | null>(null);
  const form = useForm<Values>({
    initialValues: { name: "", currency: "", payback_horizon_months: 6, backups_kept: 14, research_review_months: 3 },
    validate: {
      payback_horizon_months: wholeNumber("the horizon in months"),
      backups_kept: wholeNumber("how many backups to keep"),
      research_review_months: wholeNumber("the review interval in months"),
    },
  });

  useEffect(() => {
    if (!opened || !programme.data) return;
    const values = valuesOf(programme.data);
    form.setValues(values);
    form.resetDirty(values);
    form.clearErrors();
    setLoaded(values);
    // Load once per opening; the form instance is stable.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, programme.data]);

  const saver = useSaveForm({
    form,
    save: (values: Values) => {
      const base = loaded ?? values;
      const changes = changedFields(updateOf(base).settings, updateOf(values).settings, [
        "payback_horizon_months",
        "backups_kept",
        "research_review_months",
      ]);
      const named = changedFields(base, values, ["name", "currency"]);
      return api.programmeUpdate({ changes: [...named, ...changes], loaded: updateOf(base) });
    },
    changes: ["programme"],
    paths: PATHS,
    onSaved: (saved) => {
      notifications.show({ color: "teal", title: "Programme settings saved", message: saved.name });
      onClose();
    },
    onConflict: async () => {
      const stored = await reload(keys.programme, api.programmeGet);
      if (stored && loaded) setLoaded(rebaseForm(form, loaded, valuesOf(stored)));
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title="Programme settings" centered size="lg">
      <form onSubmit={form.onSubmit(saver.submit)}>
        <Stack>
          <TextInput label="Programme name" {...form.getInputProps("name")} data-autofocus />
          <TextInput
            label="Currency"
            description="Amounts are relabelled, not converted"
            maxLength={3}
            w={200}
            {...form.getInputProps("currency")}
          />
          <SimpleGrid cols={2}>
            <NumberInput
              label="Payback horizon (months)"
              data-testid="horizon-input"
              description="A use case that cannot pay back within this goes to the research lane"
              allowDecimal={false}
              clampBehavior="none"
              {...form.getInputProps("payback_horizon_months")}
            />
            <NumberInput
              label="Automatic backups kept"
              data-testid="backups-kept-input"
              description="Taken before each upgrade and once a day the portfolio is used"
              allowDecimal={false}
              clampBehavior="none"
              {...form.getInputProps("backups_kept")}
            />
            <NumberInput
              label="Research review every … months"
              data-testid="research-review-input"
              description="Research-lane cases come back to the steering agenda this long after their last review (1–24)"
              allowDecimal={false}
              clampBehavior="none"
              min={1}
              max={24}
              {...form.getInputProps("research_review_months")}
            />
          </SimpleGrid>
          <FormRefusal refusal={saver.refusal} title="The settings were not saved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={saver.pending} data-testid="save-programme">
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
