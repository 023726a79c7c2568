// Proposes a backlog item: anyone may, with a title and a rationale. The proposer is the person
// working (the backend's default) unless another name is given; a sponsor and a rough business case (business unit,
// annual value, one-time and monthly run cost) are optional, and what is left out is worked out in
// discovery once a steering meeting authorises it.
import { Autocomplete, Divider, Modal, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useMemo } from "react";
import { api } from "../../backend";
import type { BacklogInput } from "../../bindings/BacklogInput";
import { FormFooter } from "../../components/FormFooter";
import { useSaveForm } from "../../lib/forms";
import { useMoneyInput } from "../../lib/money";
import { useWorkingAs } from "../../shell/useWorkingAs";
import { usePeople } from "./steeringData";

interface Values {
  title: string;
  rationale: string;
  proposer: string;
  sponsor: string;
  business_unit: string;
  annual_value: number | "";
  one_time_cost: number | "";
  monthly_run_cost: number | "";
}

const blankToNull = (s: string) => (s.trim() === "" ? null : s.trim());
const amount = (n: number | "") => (n === "" ? null : n);

/** The form's values as the backend takes them: blanks are left out, not zero. */
export function backlogInput(v: Values): BacklogInput {
  return {
    title: v.title,
    rationale: v.rationale,
    proposer: blankToNull(v.proposer),
    sponsor: blankToNull(v.sponsor),
    estimate: {
      business_unit: blankToNull(v.business_unit),
      annual_value: amount(v.annual_value),
      one_time_cost: amount(v.one_time_cost),
      monthly_run_cost: amount(v.monthly_run_cost),
    },
  };
}

const PATHS = {
  "estimate.business_unit": "business_unit",
  "estimate.annual_value": "annual_value",
  "estimate.one_time_cost": "one_time_cost",
  "estimate.monthly_run_cost": "monthly_run_cost",
};

function ProposeForm({ onClose }: { onClose: () => void }) {
  const { person } = useWorkingAs();
  const people = usePeople();
  const money = useMoneyInput();
  // Sponsors are executives, by convention; any name may be typed.
  const executives = useMemo(
    () => (people.data ?? []).filter((p) => p.active && p.roles.includes("executive")).map((p) => p.name),
    [people.data],
  );
  const form = useForm<Values>({
    initialValues: {
      title: "",
      rationale: "",
      proposer: "",
      sponsor: "",
      business_unit: "",
      annual_value: "",
      one_time_cost: "",
      monthly_run_cost: "",
    },
    validate: {
      title: (t) => (t.trim() === "" ? "Give the idea a title" : null),
      rationale: (r) => (r.trim() === "" ? "Say why it is worth doing" : null),
    },
  });
  const saver = useSaveForm({
    form,
    save: (v: Values) => api.meetingPropose(backlogInput(v)),
    changes: ["steering"],
    paths: PATHS,
    onSaved: (item) => {
      notifications.show({
        color: "teal",
        title: `${item.id} proposed`,
        message: `${item.title}: on the next steering meeting's agenda`,
      });
      onClose();
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <TextInput label="Title" required {...form.getInputProps("title")} data-testid="backlog-title" data-autofocus />
        <Textarea
          label="Rationale"
          description="Why it is worth doing: the problem, who gains, what it would change"
          required
          autosize
          minRows={3}
          {...form.getInputProps("rationale")}
          data-testid="backlog-rationale"
        />
        <SimpleGrid cols={2}>
          <TextInput
            label="Proposed by"
            description="Anyone may propose; left empty, it is you"
            placeholder={person?.name ?? "The person working"}
            {...form.getInputProps("proposer")}
            data-testid="backlog-proposer"
          />
          <Autocomplete
            label="Sponsor"
            description="The executive who would sponsor it, if known"
            data={executives}
            {...form.getInputProps("sponsor")}
            data-testid="backlog-sponsor"
          />
        </SimpleGrid>
        <Divider label="Rough business case (optional)" labelPosition="left" />
        <SimpleGrid cols={2}>
          <TextInput label="Business unit" {...form.getInputProps("business_unit")} data-testid="backlog-unit" />
          <NumberInput
            label={money.label("Annual value")}
            min={0}
            clampBehavior="none"
            decimalScale={2}
            {...money.props}
            {...form.getInputProps("annual_value")}
            data-testid="backlog-annual-value"
          />
          <NumberInput
            label={money.label("One-time cost")}
            min={0}
            clampBehavior="none"
            decimalScale={2}
            {...money.props}
            {...form.getInputProps("one_time_cost")}
            data-testid="backlog-one-time-cost"
          />
          <NumberInput
            label={money.label("Monthly run cost")}
            min={0}
            clampBehavior="none"
            decimalScale={2}
            {...money.props}
            {...form.getInputProps("monthly_run_cost")}
            data-testid="backlog-run-cost"
          />
        </SimpleGrid>
        <FormFooter
          saver={saver}
          refusalTitle="The item was not proposed"
          onCancel={onClose}
          submit={{ label: "Propose", testId: "backlog-submit" }}
        />
      </Stack>
    </form>
  );
}

export function ProposeModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Propose a backlog item" size="lg" centered>
      {opened && <ProposeForm onClose={onClose} />}
    </Modal>
  );
}
