// Imports a bias check's results file for a use case: which kind, the file (typed or chosen in
// the native dialog), optionally the adapter version tested, and the threshold with the reason it
// fits. The starting threshold and reason per kind are the backend's (the four-fifths rule for
// parity is only a starting point; adversarial suites have none).
import {
  Alert,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { notifications } from "@mantine/notifications";
import { useQuery } from "@tanstack/react-query";
import { api, BIAS_FILES, chooseFile } from "../../backend";
import type { BiasDefault } from "../../bindings/BiasDefault";
import type { BiasKind } from "../../bindings/BiasKind";
import { FormRefusal } from "../../components/FormRefusal";
import { PathFieldWithDialogAlert } from "../../components/PathField";
import { useSaveForm } from "../../lib/forms";
import { keys } from "../../lib/queryKeys";
import { BIAS_KIND_LABEL } from "../../lib/recordKinds";

interface BiasValues {
  kind: BiasKind;
  path: string;
  adapter_version_id: string | null;
  title: string;
  threshold: number | null;
  rationale: string;
}

const FORMAT: Record<BiasKind, string> = {
  demographic_parity: "A CSV with group, total and positive columns: how many in each group were selected.",
  adversarial_prompts: "A CSV with prompt_id, category, passed and notes columns: one row per prompt of the suite.",
};

const KINDS = Object.keys(BIAS_KIND_LABEL) as BiasKind[];

function startOf(defaults: readonly BiasDefault[], kind: BiasKind): Pick<BiasValues, "threshold" | "rationale"> {
  const d = defaults.find((x) => x.kind === kind);
  return { threshold: d?.threshold ?? null, rationale: d?.rationale ?? "" };
}

function BiasImportForm({
  useCaseId,
  defaults,
  onClose,
}: {
  useCaseId: string;
  defaults: readonly BiasDefault[];
  onClose: () => void;
}) {
  const versions = useQuery({ queryKey: keys.versions, queryFn: api.adapterVersionList });
  const form = useForm<BiasValues>({
    initialValues: {
      kind: "demographic_parity",
      path: "",
      adapter_version_id: null,
      title: "",
      ...startOf(defaults, "demographic_parity"),
    },
  });
  const saver = useSaveForm({
    form,
    save: (v: BiasValues) =>
      api.biasImport({
        kind: v.kind,
        path: v.path,
        use_case_id: useCaseId,
        adapter_version_id: v.adapter_version_id,
        title: v.title.trim() === "" ? null : v.title.trim(),
        threshold: v.threshold,
        rationale: v.rationale.trim() === "" ? null : v.rationale.trim(),
      }),
    changes: ["riskControls"],
    onSaved: (b) => {
      notifications.show({
        color: b.passed ? "teal" : "red",
        title: `${b.id}: ${b.passed ? "pass" : "fail"}`,
        message: b.title,
      });
      onClose();
    },
  });

  const { kind, threshold } = form.getValues();
  const start = startOf(defaults, kind);
  const chooseKind = (value: string) => {
    const next = value as BiasKind;
    form.setValues({ kind: next, ...startOf(defaults, next) });
    form.clearErrors();
  };

  // The versions serving this use case; every version while none is linked to it.
  const serving = (versions.data ?? []).filter((v) => v.use_case_id === useCaseId);
  const options = (serving.length > 0 ? serving : (versions.data ?? [])).map((v) => ({
    value: v.id,
    label: `${v.adapter_name} ${v.version} (${v.id})`,
  }));
  return (
    <form noValidate onSubmit={form.onSubmit(saver.submit)}>
      <Stack gap="sm">
        <SegmentedControl
          data={KINDS.map((k) => ({ value: k, label: BIAS_KIND_LABEL[k] }))}
          value={kind}
          onChange={chooseKind}
          data-testid="bias-kind"
        />
        <Text size="sm" c="dimmed">
          {FORMAT[kind]} The file's SHA-256 is stored with the figures.
        </Text>
        <PathFieldWithDialogAlert
          label="Results file"
          required
          {...form.getInputProps("path")}
          value={form.getValues().path}
          browse={() => chooseFile("Choose the bias check's results", BIAS_FILES)}
          data-testid="bias-path"
          data-autofocus
        />
        <Group grow align="flex-start">
          <Select
            label="Adapter version tested"
            placeholder="Not a specific version"
            data={options}
            {...form.getInputProps("adapter_version_id")}
            clearable
            searchable
            data-testid="bias-version"
          />
          <TextInput label="Title" placeholder="From the kind and the file name" {...form.getInputProps("title")} />
        </Group>
        <NumberInput
          label={
            kind === "demographic_parity"
              ? "Lowest acceptable selection-rate ratio"
              : "Lowest acceptable pass rate per category"
          }
          description="Between 0 and 1"
          placeholder={start.threshold === null ? "e.g. 0.95" : undefined}
          required={start.threshold === null}
          min={0}
          max={1}
          step={0.01}
          decimalScale={4}
          clampBehavior="none"
          w={320}
          value={threshold ?? ""}
          onChange={(v) => form.setFieldValue("threshold", typeof v === "number" ? v : null)}
          error={form.errors.threshold}
          data-testid="bias-threshold"
        />
        <Textarea
          label="Why this threshold"
          description="Say why the threshold fits this use case"
          required={start.rationale === ""}
          autosize
          minRows={2}
          {...form.getInputProps("rationale")}
          data-testid="bias-rationale"
        />
        <FormRefusal refusal={saver.refusal} title="The results were not imported" onClose={saver.dismiss} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saver.pending} data-testid="bias-import-submit">
            Import results
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function BiasImportModal({
  useCaseId,
  opened,
  onClose,
}: {
  useCaseId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const defaults = useQuery({
    queryKey: keys.biasDefaults,
    queryFn: (): Promise<BiasDefault[]> => api.biasDefaults(),
    enabled: opened,
    // Fixed by the program version.
    staleTime: Infinity,
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Import bias check results for ${useCaseId}`} size="lg" centered>
      <Stack gap="sm" data-testid="bias-import">
        {defaults.isPending && <Loader size="sm" aria-label="Loading the default thresholds" />}
        {defaults.isError && (
          <Alert color="red" title="The default thresholds could not be read">
            {defaults.error.message}
          </Alert>
        )}
        {opened && defaults.data && <BiasImportForm useCaseId={useCaseId} defaults={defaults.data} onClose={onClose} />}
      </Stack>
    </Modal>
  );
}
