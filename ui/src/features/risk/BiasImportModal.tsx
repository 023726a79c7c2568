// Imports a bias check's results file for a use case: which kind, the file, optionally the
// adapter version tested, and the threshold with the reason it fits (the four-fifths rule is only
// a starting point for parity; adversarial suites have no default).
import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconFile } from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { backend, BIAS_FILES } from "../../backend";
import type { BiasKind } from "../../bindings/BiasKind";
import { BIAS_KIND_LABEL, PARITY_DEFAULT_RATIONALE, PARITY_DEFAULT_THRESHOLD } from "../../lib/compliance";
import { refusalErrors } from "../../lib/errors";

const FIELDS = ["path", "adapter_version_id", "title", "threshold", "rationale"] as const;

const DEFAULTS: Record<BiasKind, { threshold: number | null; rationale: string }> = {
  demographic_parity: { threshold: PARITY_DEFAULT_THRESHOLD, rationale: PARITY_DEFAULT_RATIONALE },
  adversarial_prompts: { threshold: null, rationale: "" },
};

const FORMAT: Record<BiasKind, string> = {
  demographic_parity: "A CSV with group, total and positive columns: how many in each group were selected.",
  adversarial_prompts: "A CSV with prompt_id, category, passed and notes columns: one row per prompt of the suite.",
};

export function BiasImportModal({
  useCaseId,
  opened,
  onClose,
}: {
  useCaseId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const versions = useQuery({
    queryKey: ["adapter-versions-all"],
    queryFn: backend.allAdapterVersions,
    enabled: opened,
  });
  const [kind, setKind] = useState<BiasKind>("demographic_parity");
  const [path, setPath] = useState("");
  const [versionId, setVersionId] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [threshold, setThreshold] = useState<number | null>(DEFAULTS.demographic_parity.threshold);
  const [rationale, setRationale] = useState(DEFAULTS.demographic_parity.rationale);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const run = useMutation({
    mutationFn: () =>
      backend.importBias({
        kind,
        path,
        use_case_id: useCaseId,
        adapter_version_id: versionId,
        title: title.trim() === "" ? null : title.trim(),
        threshold,
        rationale: rationale.trim() === "" ? null : rationale.trim(),
      }),
    onSuccess: async (b) => {
      await queryClient.invalidateQueries();
      notifications.show({
        color: b.passed ? "teal" : "red",
        title: `${b.id}: ${b.passed ? "pass" : "fail"}`,
        message: b.title,
      });
      close();
    },
    onError: (error) => setErrors(refusalErrors(error, FIELDS)),
  });

  const chooseKind = (value: string) => {
    const next = value as BiasKind;
    setKind(next);
    setThreshold(DEFAULTS[next].threshold);
    setRationale(DEFAULTS[next].rationale);
    setErrors({});
  };

  const choose = async () => {
    try {
      const picked = await backend.chooseFile("Choose the bias check's results", BIAS_FILES);
      if (picked !== null) setPath(picked);
    } catch (error) {
      setErrors({ form: error instanceof Error ? error.message : String(error) });
    }
  };

  function close() {
    chooseKind("demographic_parity");
    setPath("");
    setVersionId(null);
    setTitle("");
    onClose();
  }

  const serving = (versions.data ?? []).filter((v) => v.use_case_id === useCaseId);
  const options = (serving.length > 0 ? serving : (versions.data ?? [])).map((v) => ({
    value: v.id,
    label: `${v.adapter_name} ${v.version} (${v.id})`,
  }));
  return (
    <Modal opened={opened} onClose={close} title={`Import bias check results for ${useCaseId}`} size="lg" centered>
      <Stack gap="sm" data-testid="bias-import">
        <SegmentedControl
          data={(Object.keys(BIAS_KIND_LABEL) as BiasKind[]).map((k) => ({ value: k, label: BIAS_KIND_LABEL[k] }))}
          value={kind}
          onChange={chooseKind}
          data-testid="bias-kind"
        />
        <Text size="sm" c="dimmed">
          {FORMAT[kind]} The file's SHA-256 is stored with the figures.
        </Text>
        {errors.form && (
          <Alert color="red" title="The results were not imported" data-testid="bias-import-error">
            {errors.form}
          </Alert>
        )}
        <Group align="flex-end" wrap="nowrap">
          <TextInput
            label="Results file"
            required
            style={{ flex: 1 }}
            value={path}
            onChange={(e) => setPath(e.currentTarget.value)}
            error={errors.path}
            data-testid="bias-path"
          />
          <Button variant="default" leftSection={<IconFile size={16} />} onClick={() => void choose()}>
            Choose file…
          </Button>
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Adapter version tested"
            placeholder="Not a specific version"
            data={options}
            value={versionId}
            onChange={setVersionId}
            clearable
            searchable
            error={errors.adapter_version_id}
            data-testid="bias-version"
          />
          <TextInput
            label="Title"
            placeholder="From the kind and the file name"
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={errors.title}
          />
        </Group>
        <NumberInput
          label={
            kind === "demographic_parity"
              ? "Lowest acceptable selection-rate ratio"
              : "Lowest acceptable pass rate per category"
          }
          description="Between 0 and 1"
          placeholder={kind === "adversarial_prompts" ? "e.g. 0.95" : undefined}
          required={kind === "adversarial_prompts"}
          min={0}
          max={1}
          step={0.01}
          decimalScale={4}
          clampBehavior="none"
          w={320}
          value={threshold ?? ""}
          onChange={(v) => setThreshold(typeof v === "number" ? v : null)}
          error={errors.threshold}
          data-testid="bias-threshold"
        />
        <Textarea
          label="Why this threshold"
          description="Required for any threshold you set; say why it fits this use case"
          required={kind === "adversarial_prompts"}
          autosize
          minRows={2}
          value={rationale}
          onChange={(e) => setRationale(e.currentTarget.value)}
          error={errors.rationale}
          data-testid="bias-rationale"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            onClick={() => run.mutate()}
            loading={run.isPending}
            disabled={path.trim() === ""}
            data-testid="bias-import-submit"
          >
            Import results
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
